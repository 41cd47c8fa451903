package io.shop.payment.payment;

import io.shop.api.ShopException;
import io.shop.api.payment.PaymentErrors;
import io.shop.payment.ledger.Ledger;
import java.time.Clock;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Payments through the external provider: an intent and a pay URL first, then an idempotent state
 * machine driven by the provider's verified callbacks. PENDING ends once, as SUCCEEDED (the money
 * is taken and order-service told, through the same transactional hand-off as a wallet payment),
 * FAILED or EXPIRED; a replayed or late event finds it ended and changes nothing.
 */
@Component
class ProviderPayments {

    private static final Logger log = LoggerFactory.getLogger(ProviderPayments.class);

    private final PaymentRepository payments;
    private final ProviderClient provider;
    private final ProviderSettings settings;
    private final PaymentHandOff handOff;
    private final Ledger ledger;
    private final Clock clock;

    ProviderPayments(
            PaymentRepository payments,
            ProviderClient provider,
            ProviderSettings settings,
            PaymentHandOff handOff,
            Ledger ledger,
            Clock clock) {
        this.payments = payments;
        this.provider = provider;
        this.settings = settings;
        this.handOff = handOff;
        this.ledger = ledger;
        this.clock = clock;
    }

    /**
     * Gives a pending payment its intent and pay URL. The provider makes one intent per payment,
     * so a payment whose earlier attempt was cut off gets the same intent now.
     */
    Payment open(Payment pending) {
        if (pending.providerIntentId() != null) {
            return pending;
        }
        ProviderClient.Intent intent = provider.createIntent(pending);
        payments.attachIntent(pending.paymentId(), intent.intentId(), intent.payUrl());
        return pending.withIntent(intent.intentId(), intent.payUrl());
    }

    /** Applies one verified callback; answers normally when it was applied or changes nothing. */
    void apply(ProviderEvent event) {
        Payment payment = payments.findByIntent(event.intentId())
                .filter(found -> found.paymentId().equals(event.merchantRef()))
                .orElseThrow(() -> ShopException.notFound(
                        PaymentErrors.PAYMENT_NOT_FOUND, "no payment for intent " + event.intentId()));
        if (event.amountCents() != payment.amountCents()) {
            throw new ShopException(
                    ShopException.Kind.UNPROCESSABLE,
                    PaymentErrors.CALLBACK_MISMATCH,
                    "payment " + payment.paymentId() + " is " + payment.amountCents() + " cents");
        }
        switch (event.type()) {
            case ProviderEvent.SUCCEEDED -> settle(payment);
            case ProviderEvent.FAILED -> end(payment, Payment.Status.FAILED);
            case ProviderEvent.EXPIRED -> end(payment, Payment.Status.EXPIRED);
            default -> log.debug("{} for payment {}: nothing to do", event.type(), payment.paymentId());
        }
    }

    private void settle(Payment payment) {
        boolean settled = handOff.send(payment.succeeded(clock.instant()), new PaymentHandOff.LocalTransaction(() -> {
            if (!payments.markSucceeded(payment.paymentId())) {
                return false; // a replay, or the payment ended otherwise first
            }
            ledger.post(
                    payment.journal(),
                    Map.of(
                            Ledger.provider(settings.channel()),
                            -payment.amountCents(),
                            Ledger.CLEARING,
                            payment.amountCents()));
            return true;
        }));
        if (settled) {
            log.info("payment {} of order {} succeeded at the provider", payment.paymentId(), payment.orderNo());
        }
    }

    private void end(Payment payment, Payment.Status outcome) {
        if (payments.markUnpaid(payment.paymentId(), outcome)) {
            log.info("payment {} of order {} {}", payment.paymentId(), payment.orderNo(), outcome);
        }
    }
}
