package io.shop.auth.login;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param maxFailuresPerAccount failed logins one account may see within the window
 * @param maxFailuresPerClient failed logins one client address may cause within the window
 * @param window how long failures are counted, from the first one
 */
@ConfigurationProperties("shop.auth.login-throttle")
record LoginThrottleProperties(
        @DefaultValue("10") int maxFailuresPerAccount,
        @DefaultValue("50") int maxFailuresPerClient,
        @DefaultValue("15m") Duration window) {

    LoginLimit perAccount() {
        return new LoginLimit(maxFailuresPerAccount, window);
    }

    LoginLimit perClient() {
        return new LoginLimit(maxFailuresPerClient, window);
    }
}
