package io.shop.auth.login;

import java.time.Duration;

/**
 * At most {@code maxFailures} failed logins in a window that opens with the first failure. Once
 * the limit is reached, further attempts wait until the window closes ({@link LoginThrottle}
 * checks and counts in Redis).
 */
record LoginLimit(int maxFailures, Duration window) {

    /** Retry-After is whole seconds; rounding up never invites a retry that is still refused. */
    static long wholeSecondsUp(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }
}
