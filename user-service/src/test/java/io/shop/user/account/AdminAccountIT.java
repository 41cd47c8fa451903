package io.shop.user.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shop.api.ShopException;
import io.shop.api.auth.Roles;
import io.shop.api.user.UserErrors;
import io.shop.api.user.UserService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest
@ActiveProfiles("it")
class AdminAccountIT {

    @Autowired
    AdminAccount admin;

    @Autowired
    Accounts accounts;

    @Autowired
    UserService provider;

    @Test
    void adminAccountIsCreatedOnceWithCustomerAndAdminRoles() {
        String email = RegistrationIT.uniqueEmail();

        long first = admin.ensure(email, "operator-pass-1");
        long second = admin.ensure(email, "operator-pass-1");

        assertThat(second).isEqualTo(first);
        assertThat(provider.authenticate(email, "operator-pass-1").roles())
                .containsExactlyInAnyOrder(Roles.CUSTOMER, Roles.ADMIN);
    }

    @Test
    void existingAccountOfThatEmailBecomesAdminWithTheConfiguredPasswordOnly() {
        String email = RegistrationIT.uniqueEmail();
        long squatter = accounts.register(new RegisterCommand(email, null, "squatter-pass-1", "Eve"))
                .id();

        assertThat(admin.ensure(email, "operator-pass-1")).isEqualTo(squatter);

        assertThat(provider.authenticate(email, "operator-pass-1").roles()).contains(Roles.ADMIN);
        assertThatThrownBy(() -> provider.authenticate(email, "squatter-pass-1"))
                .isInstanceOfSatisfying(
                        ShopException.class, e -> assertThat(e.code()).isEqualTo(UserErrors.INVALID_CREDENTIALS));
    }

    @Test
    void weakConfiguredPasswordStopsTheStart() {
        assertThatThrownBy(() -> admin.ensure(RegistrationIT.uniqueEmail(), "admin"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageNotContaining("admin\"");
    }
}
