package io.shop.payment.payment;

import io.shop.api.ShopException;
import io.shop.api.order.OrderView;
import io.shop.api.payment.PaymentErrors;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * Paying an order: once per Idempotency-Key, only by the order's buyer, always its total as
 * order-service has it, and never twice for one order.
 */
@Service
class Payments {

    private static final int MAX_KEY_LENGTH = 64;

    private final PaymentRepository payments;
    private final OrderClient orders;
    private final WalletPayments wallet;
    private final ProviderPayments provider;
    private final Clock clock;

    Payments(
            PaymentRepository payments,
            OrderClient orders,
            WalletPayments wallet,
            ProviderPayments provider,
            Clock clock) {
        this.payments = payments;
        this.orders = orders;
        this.wallet = wallet;
        this.provider = provider;
        this.clock = clock;
    }

    /** The payment, and whether this call made it (false: an earlier call with the same key did). */
    record Outcome(Payment payment, boolean created) {}

    Outcome pay(long userId, String idempotencyKey, PayRequest request) {
        String key = requireKey(idempotencyKey);
        Optional<Payment> earlier = payments.findByKey(userId, key);
        if (earlier.isPresent()) {
            return replay(earlier.get(), request);
        }
        OrderView order = orders.callersOrder(request.orderNo());
        if (!"CREATED".equals(order.status())) {
            throw notPayable(order.orderNo(), order.status());
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        try {
            if (Payment.PROVIDER.equals(request.method())) {
                Payment pending = Payment.byProvider(order, key, now);
                payments.insert(pending);
                return new Outcome(provider.open(pending), true);
            }
            Payment payment = Payment.byWallet(order, key, now);
            wallet.take(payment);
            return new Outcome(payment, true);
        } catch (DuplicateKeyException raced) {
            // the same key won concurrently (a replay), or another payment took the order first
            return payments.findByKey(userId, key)
                    .map(winner -> replay(winner, request))
                    .orElseThrow(() -> notPayable(order.orderNo(), "PAID"));
        }
    }

    Payment ofUser(long userId, String paymentId) {
        return payments.find(paymentId)
                .filter(payment -> payment.userId() == userId)
                .orElseThrow(() -> ShopException.notFound(PaymentErrors.PAYMENT_NOT_FOUND, "no payment " + paymentId));
    }

    private Outcome replay(Payment earlier, PayRequest request) {
        if (!earlier.orderNo().equals(request.orderNo()) || !earlier.method().equals(request.method())) {
            throw new ShopException(
                    ShopException.Kind.UNPROCESSABLE,
                    PaymentErrors.IDEMPOTENCY_KEY_REUSED,
                    "this Idempotency-Key was used for another payment");
        }
        if (earlier.status() == Payment.Status.PENDING) {
            return new Outcome(provider.open(earlier), false); // its intent may not have been made yet
        }
        return new Outcome(earlier, false);
    }

    private static String requireKey(String key) {
        if (key == null || key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            throw ShopException.invalid(
                    PaymentErrors.IDEMPOTENCY_KEY_REQUIRED,
                    "Idempotency-Key: a header of 1 to " + MAX_KEY_LENGTH + " characters is required");
        }
        return key;
    }

    private static ShopException notPayable(String orderNo, String status) {
        return ShopException.conflict(PaymentErrors.ORDER_NOT_PAYABLE, "order " + orderNo + " is " + status);
    }
}
