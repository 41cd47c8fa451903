package io.shop.payment.payment;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.shop.api.ShopException;
import io.shop.api.payment.PaymentErrors;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where the provider tells the shop what became of an intent. Public (the provider has no user),
 * so nothing is read before the signature over the raw body checks out: 401 otherwise, 400 for a
 * signed body that is not an event, 204 once applied (or found applied already).
 */
@RestController
class ProviderCallbackController {

    private final ProviderSettings settings;
    private final CallbackSignature signature;
    private final ProviderPayments payments;
    private final ObjectMapper json;

    ProviderCallbackController(
            ProviderSettings settings, CallbackSignature signature, ProviderPayments payments, ObjectMapper json) {
        this.settings = settings;
        this.signature = signature;
        this.payments = payments;
        this.json = json;
    }

    @PostMapping(path = "/api/payments/callback/{channel}")
    ResponseEntity<Void> callback(
            @PathVariable String channel,
            @RequestHeader(name = "X-Provider-Timestamp", required = false) String timestamp,
            @RequestHeader(name = "X-Provider-Signature", required = false) String signed,
            @RequestBody(required = false) byte[] body) {
        if (!channel.equals(settings.channel())) {
            throw ShopException.notFound(PaymentErrors.UNKNOWN_CHANNEL, "no payment channel " + channel);
        }
        byte[] raw = body == null ? new byte[0] : body;
        signature.verify(timestamp, signed, raw);
        payments.apply(ProviderEvent.parse(raw, json));
        return ResponseEntity.noContent().build();
    }
}
