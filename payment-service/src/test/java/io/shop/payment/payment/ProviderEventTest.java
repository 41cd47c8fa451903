package io.shop.payment.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.shop.api.ShopException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProviderEventTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aWellFormedCallbackBodyIsOneEvent() {
        ProviderEvent event = parse(
                """
                {"eventId":"evt_1","type":"payment.succeeded","intentId":"pi_1","merchantRef":"P1",\
                "amountCents":1990,"sequence":2,"occurredAt":"2026-12-01T12:00:00Z"}""");

        assertThat(event).isEqualTo(new ProviderEvent("evt_1", "payment.succeeded", "pi_1", "P1", 1990, 2));
    }

    @Test
    void aMalformedCallbackBodyIsRefusedNamingTheField() {
        assertMalformed("not json", "not JSON");
        assertMalformed("[1]", "not a JSON object");
        assertMalformed(
                """
                {"eventId":"e","type":"payment.succeeded","intentId":1,"merchantRef":"P1","amountCents":1,"sequence":1}""",
                "intentId");
        assertMalformed(
                """
                {"eventId":"e","type":"payment.succeeded","intentId":"pi","merchantRef":"P1","amountCents":"1","sequence":1}""",
                "amountCents");
        assertMalformed(
                """
                {"eventId":"e","type":"payment.succeeded","intentId":"pi","merchantRef":"P1","amountCents":1}""",
                "sequence");
    }

    private ProviderEvent parse(String body) {
        return ProviderEvent.parse(body.getBytes(StandardCharsets.UTF_8), json);
    }

    private void assertMalformed(String body, String named) {
        assertThatThrownBy(() -> parse(body))
                .isInstanceOfSatisfying(
                        ShopException.class, e -> assertThat(e.code()).isEqualTo("MALFORMED_CALLBACK"))
                .hasMessageContaining(named);
    }
}
