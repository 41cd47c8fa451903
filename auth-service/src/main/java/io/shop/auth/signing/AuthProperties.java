package io.shop.auth.signing;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param keyEncryptionSecret seals the private signing keys at rest; at least 32 characters, never
 *     committed (env {@code AUTH_KEY_SECRET})
 * @param jwksMaxAge how long verifiers may cache the published key set
 */
@ConfigurationProperties("shop.auth")
record AuthProperties(String keyEncryptionSecret, @DefaultValue("5m") Duration jwksMaxAge) {

    @Override
    public String toString() {
        return "AuthProperties[keyEncryptionSecret=<hidden>, jwksMaxAge=" + jwksMaxAge + "]";
    }
}
