package io.shop.user.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shop.api.ShopException;
import io.shop.api.auth.Roles;
import io.shop.api.user.UserErrors;
import io.shop.api.user.UserIdentity;
import io.shop.api.user.UserService;
import java.util.List;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/** The Dubbo provider auth-service calls at login and at token refresh. */
@SpringBootTest
@ActiveProfiles("it")
class AuthenticationIT {

    static final String PASSWORD = "tea-time-1843";

    @Autowired
    UserService provider;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcClient jdbc;

    String email;
    String phone;
    long userId;

    @BeforeEach
    void registeredCustomer() {
        email = RegistrationIT.uniqueEmail();
        phone = RegistrationIT.uniquePhone();
        userId = accounts.register(new RegisterCommand(email, null, PASSWORD, "Ada"))
                .id();
        jdbc.sql("UPDATE app_user SET phone = ? WHERE id = ?")
                .params(phone, userId)
                .update();
    }

    @Test
    void rightPasswordByEmailGivesTheUserAndTheirRoles() {
        UserIdentity identity = provider.authenticate(email.toUpperCase(), PASSWORD);

        assertThat(identity).isEqualTo(new UserIdentity(userId, List.of(Roles.CUSTOMER)));
    }

    @Test
    void rightPasswordByPhoneGivesTheUser() {
        assertThat(provider.authenticate(phone, PASSWORD).userId()).isEqualTo(userId);
    }

    @Test
    void wrongPasswordIsInvalidCredentials() {
        assertFailsWith(() -> provider.authenticate(email, "tea-time-1844"), UserErrors.INVALID_CREDENTIALS);
    }

    @Test
    void unknownAccountIsInvalidCredentialsToo() {
        assertFailsWith(
                () -> provider.authenticate("nobody-" + UUID.randomUUID() + "@example.org", PASSWORD),
                UserErrors.INVALID_CREDENTIALS);
        assertFailsWith(() -> provider.authenticate(null, null), UserErrors.INVALID_CREDENTIALS);
    }

    @Test
    void accountWithoutPasswordCannotSignIn() {
        String legacy = RegistrationIT.uniqueEmail();
        jdbc.sql("INSERT INTO app_user (email, nickname) VALUES (?, 'Legacy')")
                .param(legacy)
                .update();

        assertFailsWith(() -> provider.authenticate(legacy, PASSWORD), UserErrors.INVALID_CREDENTIALS);
    }

    @Test
    void disabledAccountIsToldOnlyWithTheRightPassword() {
        jdbc.sql("UPDATE app_user SET enabled = FALSE WHERE id = ?")
                .param(userId)
                .update();

        assertFailsWith(() -> provider.authenticate(email, PASSWORD), UserErrors.ACCOUNT_DISABLED);
        assertFailsWith(() -> provider.authenticate(email, "wrong-pass-1"), UserErrors.INVALID_CREDENTIALS);
    }

    @Test
    void identityGivesTheCurrentRoles() {
        jdbc.sql("UPDATE app_user SET roles = 'customer,admin' WHERE id = ?")
                .param(userId)
                .update();

        assertThat(provider.identity(userId)).isEqualTo(new UserIdentity(userId, List.of(Roles.CUSTOMER, Roles.ADMIN)));
    }

    @Test
    void identityOfAnUnknownUserIsNotFound() {
        assertFailsWith(() -> provider.identity(Long.MAX_VALUE), UserErrors.USER_NOT_FOUND);
    }

    @Test
    void identityOfADisabledUserIsRefused() {
        jdbc.sql("UPDATE app_user SET enabled = FALSE WHERE id = ?")
                .param(userId)
                .update();

        assertFailsWith(() -> provider.identity(userId), UserErrors.ACCOUNT_DISABLED);
    }

    @Test
    void profileOfARegisteredUserIsStillServed() {
        assertThat(provider.getUser(userId).email()).isEqualTo(email);
    }

    private static void assertFailsWith(ThrowingCallable call, String code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ShopException.class, e -> assertThat(e.code())
                .isEqualTo(code));
    }
}
