package io.shop.auth.login;

import java.time.Duration;
import java.util.Optional;

/**
 * At most {@code maxFailures} failed logins in a window that opens with the first failure. Once
 * the limit is reached, further attempts wait until the window closes.
 */
record LoginLimit(int maxFailures, Duration window) {

    /**
     * How long the caller must wait, given the failures counted so far and the window's remaining
     * time in millis (negative when Redis reports the counter without expiry, or gone).
     */
    Optional<Duration> retryAfter(long failures, long remainingMillis) {
        if (failures < maxFailures) {
            return Optional.empty();
        }
        return Optional.of(remainingMillis > 0 ? Duration.ofMillis(remainingMillis) : window);
    }

    /** Retry-After is whole seconds; rounding up never invites a retry that is still refused. */
    static long wholeSecondsUp(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }
}
