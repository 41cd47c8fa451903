package io.shop.auth;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param accessTokenTtl how long an access token is valid
 * @param refreshTokenTtl how long a refresh token is valid; each refresh issues a fresh one
 */
@ConfigurationProperties("shop.auth")
public record TokenLifetimes(
        @DefaultValue("15m") Duration accessTokenTtl, @DefaultValue("14d") Duration refreshTokenTtl) {

    /** Verifiers accept tokens this long past their expiry, as clocks differ between hosts. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(1);

    /**
     * How long after it was issued an access token may still be accepted somewhere: what a revoked
     * session is remembered for, and a retired key stays published.
     */
    public Duration accessTokenHorizon() {
        return accessTokenTtl.plus(CLOCK_SKEW);
    }
}
