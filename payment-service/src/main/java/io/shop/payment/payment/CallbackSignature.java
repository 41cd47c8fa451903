package io.shop.payment.payment;

import io.shop.api.ShopException;
import io.shop.api.payment.PaymentErrors;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Checks that a callback comes from the provider: {@code X-Provider-Signature: v1=<hex>} must be
 * {@code HMAC-SHA256(secret, timestamp + "." + raw body)} and {@code X-Provider-Timestamp} (epoch
 * seconds) within the tolerance of now, so a captured callback cannot be replayed later.
 */
@Component
class CallbackSignature {

    private static final String SCHEME = "v1=";

    private final ProviderSettings settings;
    private final Clock clock;

    CallbackSignature(ProviderSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    void verify(String timestamp, String signature, byte[] body) {
        if (!settings.configured() || timestamp == null || signature == null || !signature.startsWith(SCHEME)) {
            throw refused("the callback is not signed");
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            throw refused("X-Provider-Timestamp is not a number");
        }
        Duration age = Duration.between(Instant.ofEpochSecond(seconds), clock.instant())
                .abs();
        if (age.compareTo(settings.signatureTolerance()) > 0) {
            throw refused("the callback was signed " + age.toSeconds() + " s from now");
        }
        byte[] expected = sign(seconds, body).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(
                expected, signature.substring(SCHEME.length()).getBytes(StandardCharsets.US_ASCII))) {
            throw refused("the signature does not match the body");
        }
    }

    String sign(long epochSeconds, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(settings.secret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((epochSeconds + ".").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ShopException refused(String why) {
        return new ShopException(ShopException.Kind.UNAUTHENTICATED, PaymentErrors.BAD_SIGNATURE, why);
    }
}
