package io.shop.user.account;

import io.shop.api.user.UserProfile;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class UserRepository {

    private static final String ACCOUNT_COLUMNS =
            "SELECT id, email, phone, nickname, password_hash, roles, enabled, created_at FROM app_user ";

    private final JdbcClient jdbc;

    UserRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<UserProfile> findProfile(long id) {
        return jdbc.sql("SELECT id, email, nickname, created_at FROM app_user WHERE id = ?")
                .param(id)
                .query(UserRepository::profile)
                .optional();
    }

    Optional<Account> findById(long id) {
        return jdbc.sql(ACCOUNT_COLUMNS + "WHERE id = ?")
                .param(id)
                .query(UserRepository::account)
                .optional();
    }

    Optional<Account> findByEmail(String email) {
        return jdbc.sql(ACCOUNT_COLUMNS + "WHERE email = ?")
                .param(email)
                .query(UserRepository::account)
                .optional();
    }

    Optional<Account> findByPhone(String phone) {
        return jdbc.sql(ACCOUNT_COLUMNS + "WHERE phone = ?")
                .param(phone)
                .query(UserRepository::account)
                .optional();
    }

    /** Throws {@link org.springframework.dao.DuplicateKeyException} if the email or phone is taken. */
    long insert(NewAccount account) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO app_user (email, phone, nickname, password_hash, roles) VALUES (?, ?, ?, ?, ?)")
                .params(
                        account.email(),
                        account.phone(),
                        account.nickname(),
                        account.passwordHash(),
                        String.join(",", account.roles()))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    boolean updateNickname(long id, String nickname) {
        return jdbc.sql("UPDATE app_user SET nickname = ? WHERE id = ?")
                        .params(nickname, id)
                        .update()
                > 0;
    }

    void updateCredentials(long id, String passwordHash, List<String> roles, boolean enabled) {
        jdbc.sql("UPDATE app_user SET password_hash = ?, roles = ?, enabled = ? WHERE id = ?")
                .params(passwordHash, String.join(",", roles), enabled, id)
                .update();
    }

    private static UserProfile profile(ResultSet rs, int row) throws SQLException {
        return new UserProfile(
                rs.getLong("id"),
                rs.getString("email"),
                rs.getString("nickname"),
                rs.getTimestamp("created_at").toInstant());
    }

    private static Account account(ResultSet rs, int row) throws SQLException {
        return new Account(
                rs.getLong("id"),
                rs.getString("email"),
                rs.getString("phone"),
                rs.getString("nickname"),
                rs.getString("password_hash"),
                roles(rs.getString("roles")),
                rs.getBoolean("enabled"),
                rs.getTimestamp("created_at").toInstant());
    }

    private static List<String> roles(String column) {
        return Arrays.stream(column.split(","))
                .map(String::strip)
                .filter(role -> !role.isEmpty())
                .toList();
    }
}
