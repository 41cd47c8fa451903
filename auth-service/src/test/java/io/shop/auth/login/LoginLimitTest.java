package io.shop.auth.login;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LoginLimitTest {

    private final LoginLimit tenPerQuarterHour = new LoginLimit(10, Duration.ofMinutes(15));

    @Test
    void attemptsBelowTheLimitNeedNoWait() {
        assertThat(tenPerQuarterHour.retryAfter(0, -2)).isEmpty();
        assertThat(tenPerQuarterHour.retryAfter(9, 60_000)).isEmpty();
    }

    @Test
    void onceTheLimitIsReachedTheCallerWaitsForTheRestOfTheWindow() {
        assertThat(tenPerQuarterHour.retryAfter(10, 61_500)).contains(Duration.ofMillis(61_500));
        assertThat(tenPerQuarterHour.retryAfter(25, 1)).contains(Duration.ofMillis(1));
    }

    @Test
    void counterWithoutExpiryWaitsAWholeWindow() {
        assertThat(tenPerQuarterHour.retryAfter(10, -1)).contains(Duration.ofMinutes(15));
    }

    @Test
    void retryAfterRoundsUpToWholeSecondsAndIsNeverZero() {
        assertThat(LoginLimit.wholeSecondsUp(Duration.ofMillis(61_001))).isEqualTo(62);
        assertThat(LoginLimit.wholeSecondsUp(Duration.ofSeconds(60))).isEqualTo(60);
        assertThat(LoginLimit.wholeSecondsUp(Duration.ofMillis(1))).isEqualTo(1);
        assertThat(LoginLimit.wholeSecondsUp(Duration.ZERO)).isEqualTo(1);
    }
}
