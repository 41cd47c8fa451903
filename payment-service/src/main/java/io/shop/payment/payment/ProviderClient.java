package io.shop.payment.payment;

import com.fasterxml.jackson.databind.JsonNode;
import io.shop.api.ShopException;
import io.shop.api.payment.PaymentErrors;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/** The provider's merchant API: create a payment intent, refund a paid one. Both are idempotent there. */
@Component
class ProviderClient {

    /** What the provider made of a payment: its intent and where the customer pays it. */
    record Intent(String intentId, String payUrl) {}

    private final ProviderSettings settings;
    private final Clock clock;
    private final RestClient http;

    ProviderClient(ProviderSettings settings, Clock clock, RestClient.Builder builder) {
        this.settings = settings;
        this.clock = clock;
        var requests = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build());
        requests.setReadTimeout(Duration.ofSeconds(5));
        this.http = builder.baseUrl(settings.baseUrl().toString())
                .requestFactory(requests)
                .defaultHeader("X-Api-Key", settings.secret() == null ? "" : settings.secret())
                .build();
    }

    /** The intent for this payment (the same one when asked again). */
    Intent createIntent(Payment payment) {
        JsonNode intent = call(() -> http.post()
                .uri("/v1/intents")
                .body(Map.of(
                        "merchantRef", payment.paymentId(),
                        "amountCents", payment.amountCents(),
                        "currency", "CNY",
                        "callbackUrl", settings.callbackUrl().toString(),
                        "expiresAt", clock.instant().plus(settings.intentTtl()).toString()))
                .retrieve()
                .body(JsonNode.class));
        return new Intent(
                intent.path("intentId").asText(), intent.path("payUrl").asText());
    }

    /** Gives a paid intent's money back; asking again for the same payment refunds nothing more. */
    void refund(Payment payment) {
        call(() -> http.post()
                .uri("/v1/refunds")
                .body(Map.of(
                        "intentId", payment.providerIntentId(),
                        "refundRef", payment.paymentId(),
                        "amountCents", payment.amountCents()))
                .retrieve()
                .body(JsonNode.class));
    }

    private JsonNode call(java.util.function.Supplier<JsonNode> request) {
        if (!settings.configured()) {
            throw unavailable("no payment provider is configured");
        }
        try {
            return request.get();
        } catch (RestClientException e) {
            throw unavailable("the payment provider cannot be reached: " + e.getMessage());
        }
    }

    private static ShopException unavailable(String message) {
        return new ShopException(ShopException.Kind.UNAVAILABLE, PaymentErrors.PAYMENTS_UNAVAILABLE, message);
    }
}
