package io.shop.user.address;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Every statement is scoped by the owner's id: no address is ever read or written by id alone. */
@Repository
class AddressRepository {

    private static final String COLUMNS = "SELECT id, user_id, recipient, phone, province, city, district, line1,"
            + " postcode, is_default, created_at FROM address ";

    private final JdbcClient jdbc;

    AddressRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Serializes changes to one user's address book until the transaction ends. */
    boolean lockOwner(long userId) {
        return jdbc.sql("SELECT id FROM app_user WHERE id = ? FOR UPDATE")
                .param(userId)
                .query(Long.class)
                .optional()
                .isPresent();
    }

    int count(long userId) {
        return jdbc.sql("SELECT COUNT(*) FROM address WHERE user_id = ?")
                .param(userId)
                .query(Integer.class)
                .single();
    }

    List<Address> findAll(long userId) {
        return jdbc.sql(COLUMNS + "WHERE user_id = ? ORDER BY is_default DESC, id DESC")
                .param(userId)
                .query(AddressRepository::address)
                .list();
    }

    Optional<Address> find(long userId, long id) {
        return jdbc.sql(COLUMNS + "WHERE id = ? AND user_id = ?")
                .params(id, userId)
                .query(AddressRepository::address)
                .optional();
    }

    long insert(long userId, ShippingAddress a, boolean isDefault) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO address (user_id, recipient, phone, province, city, district, line1, postcode,"
                        + " is_default) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        userId,
                        a.recipient(),
                        a.phone(),
                        a.province(),
                        a.city(),
                        a.district(),
                        a.line1(),
                        a.postcode(),
                        isDefault)
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    boolean update(long userId, long id, ShippingAddress a) {
        return jdbc.sql("UPDATE address SET recipient = ?, phone = ?, province = ?, city = ?, district = ?,"
                                + " line1 = ?, postcode = ? WHERE id = ? AND user_id = ?")
                        .params(
                                a.recipient(),
                                a.phone(),
                                a.province(),
                                a.city(),
                                a.district(),
                                a.line1(),
                                a.postcode(),
                                id,
                                userId)
                        .update()
                > 0;
    }

    boolean delete(long userId, long id) {
        return jdbc.sql("DELETE FROM address WHERE id = ? AND user_id = ?")
                        .params(id, userId)
                        .update()
                > 0;
    }

    /** Clears the user's default first: the unique index allows one default per user at any time. */
    void makeDefault(long userId, long id) {
        jdbc.sql("UPDATE address SET is_default = FALSE WHERE user_id = ? AND is_default")
                .param(userId)
                .update();
        jdbc.sql("UPDATE address SET is_default = TRUE WHERE id = ? AND user_id = ?")
                .params(id, userId)
                .update();
    }

    Optional<Long> newest(long userId) {
        return jdbc.sql("SELECT id FROM address WHERE user_id = ? ORDER BY id DESC LIMIT 1")
                .param(userId)
                .query(Long.class)
                .optional();
    }

    private static Address address(ResultSet rs, int row) throws SQLException {
        var details = new ShippingAddress(
                rs.getString("recipient"),
                rs.getString("phone"),
                rs.getString("province"),
                rs.getString("city"),
                rs.getString("district"),
                rs.getString("line1"),
                rs.getString("postcode"));
        return new Address(
                rs.getLong("id"),
                rs.getLong("user_id"),
                details,
                rs.getBoolean("is_default"),
                rs.getTimestamp("created_at").toInstant());
    }
}
