package io.shop.payment.wallet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shop.api.ShopException;
import io.shop.api.payment.PaymentErrors;
import io.shop.api.payment.TopUpCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The wallet relies on a top-up command being valid once built; these are its limits. */
class TopUpCommandTest {

    @ParameterizedTest
    @ValueSource(longs = {1, 1_000_000_00L})
    void amountsWithinTheLimitsAreAccepted(long amountCents) {
        assertThat(new TopUpCommand(42, amountCents, "r-1").amountCents()).isEqualTo(amountCents);
    }

    @ParameterizedTest
    @ValueSource(longs = {0, -1, 1_000_000_01L, Long.MAX_VALUE})
    void amountsOutsideTheLimitsAreInvalid(long amountCents) {
        assertInvalid(() -> new TopUpCommand(42, amountCents, "r-1"), PaymentErrors.INVALID_AMOUNT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void blankRequestIdIsInvalid(String requestId) {
        assertInvalid(() -> new TopUpCommand(42, 100, requestId), PaymentErrors.INVALID_REQUEST_ID);
    }

    @Test
    void missingOrOverlongRequestIdIsInvalid() {
        assertInvalid(() -> new TopUpCommand(42, 100, null), PaymentErrors.INVALID_REQUEST_ID);
        assertInvalid(() -> new TopUpCommand(42, 100, "r".repeat(65)), PaymentErrors.INVALID_REQUEST_ID);
    }

    @Test
    void userIdMustBePositive() {
        assertInvalid(() -> new TopUpCommand(0, 100, "r-1"), PaymentErrors.INVALID_USER_ID);
    }

    private static void assertInvalid(Runnable build, String code) {
        assertThatThrownBy(build::run).isInstanceOfSatisfying(ShopException.class, e -> {
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.kind()).isEqualTo(ShopException.Kind.INVALID);
        });
    }
}
