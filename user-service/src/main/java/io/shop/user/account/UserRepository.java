package io.shop.user.account;

import io.shop.api.user.UserProfile;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class UserRepository {

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

    private static UserProfile profile(ResultSet rs, int row) throws SQLException {
        return new UserProfile(
                rs.getLong("id"),
                rs.getString("email"),
                rs.getString("nickname"),
                rs.getTimestamp("created_at").toInstant());
    }
}
