package io.shop.user.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shop.api.ShopException;
import io.shop.api.user.UserErrors;
import io.shop.api.user.UserProfile;
import io.shop.api.user.UserService;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest
@ActiveProfiles("it")
class UserProfileIT {

    @Autowired
    UserService provider;

    @Autowired
    JdbcClient jdbc;

    @Test
    void storedUserIsServedOverTheDubboProvider() {
        String email = "ada-" + UUID.randomUUID() + "@example.org";
        long id = insertUser(email, "Ada");

        UserProfile profile = provider.getUser(id);

        assertThat(profile.id()).isEqualTo(id);
        assertThat(profile.email()).isEqualTo(email);
        assertThat(profile.nickname()).isEqualTo("Ada");
        assertThat(profile.createdAt()).isNotNull();
    }

    @Test
    void unknownUserIsNotFoundWithItsCode() {
        assertThatThrownBy(() -> provider.getUser(Long.MAX_VALUE)).isInstanceOfSatisfying(ShopException.class, e -> {
            assertThat(e.code()).isEqualTo(UserErrors.USER_NOT_FOUND);
            assertThat(e.kind()).isEqualTo(ShopException.Kind.NOT_FOUND);
        });
    }

    private long insertUser(String email, String nickname) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO app_user (email, nickname) VALUES (?, ?)")
                .params(email, nickname)
                .update(keys);
        return keys.getKeyAs(Number.class).longValue();
    }
}
