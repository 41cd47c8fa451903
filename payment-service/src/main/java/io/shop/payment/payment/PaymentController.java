package io.shop.payment.payment;

import io.shop.support.identity.CurrentUser;
import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in customer pays their orders. */
@RestController
@RequestMapping("/api/payments")
class PaymentController {

    private final Payments payments;

    PaymentController(Payments payments) {
        this.payments = payments;
    }

    /** 201 with the payment; 200 with the same payment when the Idempotency-Key was seen before. */
    @PostMapping
    ResponseEntity<PaymentView> pay(
            @CurrentUser long userId,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
            @Valid @RequestBody PayRequest request) {
        Payments.Outcome outcome = payments.pay(userId, idempotencyKey, request);
        PaymentView view = outcome.payment().view();
        return outcome.created()
                ? ResponseEntity.created(URI.create("/api/payments/" + view.paymentId()))
                        .body(view)
                : ResponseEntity.ok(view);
    }

    @GetMapping("/{paymentId}")
    PaymentView payment(@CurrentUser long userId, @PathVariable String paymentId) {
        return payments.ofUser(userId, paymentId).view();
    }
}
