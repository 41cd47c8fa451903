package io.shop.auth.login;

import java.time.Duration;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The login throttle's limits, {@code shop.auth.login-throttle.*}: operators' settings
 * (infra/config/auth-service.yml), followed while the service runs ({@link LoginThrottleSettings}).
 *
 * @param maxFailuresPerAccount failed logins one account may see within the window
 * @param maxFailuresPerClient failed logins one client address may cause within the window
 * @param window how long failures are counted, from the first one
 */
record LoginThrottleProperties(
        @DefaultValue("10") int maxFailuresPerAccount,
        @DefaultValue("50") int maxFailuresPerClient,
        @DefaultValue("15m") Duration window) {

    static final String PREFIX = "shop.auth.login-throttle";

    LoginThrottleProperties {
        if (maxFailuresPerAccount < 1 || maxFailuresPerClient < 1) {
            throw new IllegalArgumentException("at least one failure must be allowed per account and per client");
        }
        if (window.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("the window must be a second or longer");
        }
    }

    LoginLimit perAccount() {
        return new LoginLimit(maxFailuresPerAccount, window);
    }

    LoginLimit perClient() {
        return new LoginLimit(maxFailuresPerClient, window);
    }
}
