package io.shop.payment.payment;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The external payment channel ({@code shop.payment.provider.*}): where its API is, the secret it
 * shares with the shop (API key and callback signatures), where it calls back, how long a customer
 * has to pay an intent, and how old a signed callback may be.
 */
@ConfigurationProperties("shop.payment.provider")
record ProviderSettings(
        String channel, URI baseUrl, String secret, URI callbackUrl, Duration intentTtl, Duration signatureTolerance) {

    boolean configured() {
        return secret != null && secret.length() >= 16;
    }
}
