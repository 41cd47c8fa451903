package io.shop.auth.login;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LoginLimitTest {

    @Test
    void retryAfterRoundsUpToWholeSecondsAndIsNeverZero() {
        assertThat(LoginLimit.wholeSecondsUp(Duration.ofMillis(61_001))).isEqualTo(62);
        assertThat(LoginLimit.wholeSecondsUp(Duration.ofSeconds(60))).isEqualTo(60);
        assertThat(LoginLimit.wholeSecondsUp(Duration.ofMillis(1))).isEqualTo(1);
        assertThat(LoginLimit.wholeSecondsUp(Duration.ZERO)).isEqualTo(1);
    }
}
