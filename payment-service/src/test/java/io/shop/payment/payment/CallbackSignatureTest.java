package io.shop.payment.payment;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shop.api.ShopException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class CallbackSignatureTest {

    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    private static final byte[] BODY = "{\"type\":\"payment.succeeded\"}".getBytes(StandardCharsets.UTF_8);

    private final CallbackSignature signature = new CallbackSignature(
            new ProviderSettings(
                    "simulator",
                    URI.create("http://127.0.0.1:8099"),
                    "a-secret-of-sixteen-or-more",
                    URI.create("http://127.0.0.1:8080/api/payments/callback/simulator"),
                    Duration.ofMinutes(15),
                    Duration.ofMinutes(5)),
            Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aCallbackSignedOverItsBodyAndTimestampWithinFiveMinutesIsAccepted() {
        long fourMinutesAgo = NOW.minusSeconds(240).getEpochSecond();

        assertThatCode(() -> signature.verify(
                        Long.toString(fourMinutesAgo), "v1=" + signature.sign(fourMinutesAgo, BODY), BODY))
                .doesNotThrowAnyException();
    }

    @Test
    void aChangedBodyAnotherTimestampOrAMissingSignatureIsRefusedAsBadSignature() {
        long now = NOW.getEpochSecond();
        String signed = "v1=" + signature.sign(now, BODY);

        assertRefused(Long.toString(now), signed, "{\"type\":\"payment.failed\"}".getBytes(StandardCharsets.UTF_8));
        assertRefused(Long.toString(now + 1), signed, BODY);
        assertRefused(Long.toString(now), null, BODY);
        assertRefused("yesterday", signed, BODY);
        assertRefused(Long.toString(now), signed.replace("v1=", "v2="), BODY);
    }

    @Test
    void aCorrectlySignedCallbackFromMoreThanFiveMinutesAgoOrAheadIsRefused() {
        long sixMinutesAgo = NOW.minusSeconds(360).getEpochSecond();
        long sixMinutesAhead = NOW.plusSeconds(360).getEpochSecond();

        assertRefused(Long.toString(sixMinutesAgo), "v1=" + signature.sign(sixMinutesAgo, BODY), BODY);
        assertRefused(Long.toString(sixMinutesAhead), "v1=" + signature.sign(sixMinutesAhead, BODY), BODY);
    }

    private void assertRefused(String timestamp, String signed, byte[] body) {
        assertThatThrownBy(() -> signature.verify(timestamp, signed, body))
                .isInstanceOfSatisfying(ShopException.class, e -> {
                    org.assertj.core.api.Assertions.assertThat(e.code()).isEqualTo("BAD_SIGNATURE");
                    org.assertj.core.api.Assertions.assertThat(e.kind()).isEqualTo(ShopException.Kind.UNAUTHENTICATED);
                });
    }
}
