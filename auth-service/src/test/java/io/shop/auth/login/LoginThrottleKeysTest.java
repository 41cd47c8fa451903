package io.shop.auth.login;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LoginThrottleKeysTest {

    @Test
    void accountCounterIsSharedAcrossCaseAndSurroundingSpace() {
        assertThat(LoginThrottle.accountKey(" Ada@Example.org "))
                .isEqualTo(LoginThrottle.accountKey("ada@example.org"));
    }

    @Test
    void accountCounterKeyHoldsNoAccountName() {
        assertThat(LoginThrottle.accountKey("ada@example.org"))
                .startsWith("auth:login-failures:account:")
                .doesNotContain("ada")
                .hasSize("auth:login-failures:account:".length() + 64);
    }
}
