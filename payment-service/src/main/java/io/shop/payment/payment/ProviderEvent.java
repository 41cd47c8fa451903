package io.shop.payment.payment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shop.api.ShopException;
import io.shop.api.payment.PaymentErrors;
import java.io.IOException;
import java.util.List;

/**
 * One event of the provider's callback stream: an intent's news ({@code payment.processing},
 * {@code .succeeded}, {@code .failed}, {@code .expired}) with its sequence within the intent.
 */
record ProviderEvent(String eventId, String type, String intentId, String merchantRef, long amountCents, int sequence) {

    static final String SUCCEEDED = "payment.succeeded";
    static final String FAILED = "payment.failed";
    static final String EXPIRED = "payment.expired";

    private static final List<String> TEXT_FIELDS = List.of("eventId", "type", "intentId", "merchantRef");

    /** The event a signed body holds; 400 naming the field when it is not one. */
    static ProviderEvent parse(byte[] body, ObjectMapper json) {
        JsonNode tree;
        try {
            tree = json.readTree(body);
        } catch (IOException e) {
            throw malformed("the body is not JSON");
        }
        if (tree == null || !tree.isObject()) {
            throw malformed("the body is not a JSON object");
        }
        for (String field : TEXT_FIELDS) {
            if (!tree.path(field).isTextual() || tree.path(field).asText().isBlank()) {
                throw malformed(field + ": a non-empty string is required");
            }
        }
        if (!tree.path("amountCents").canConvertToLong()
                || !tree.path("amountCents").isIntegralNumber()) {
            throw malformed("amountCents: an integer is required");
        }
        if (!tree.path("sequence").isInt()) {
            throw malformed("sequence: an integer is required");
        }
        return new ProviderEvent(
                tree.get("eventId").asText(),
                tree.get("type").asText(),
                tree.get("intentId").asText(),
                tree.get("merchantRef").asText(),
                tree.get("amountCents").asLong(),
                tree.get("sequence").asInt());
    }

    private static ShopException malformed(String why) {
        return ShopException.invalid(PaymentErrors.MALFORMED_CALLBACK, why);
    }
}
