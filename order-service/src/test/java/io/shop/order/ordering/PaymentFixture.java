package io.shop.order.ordering;

import io.shop.api.payment.PaymentSucceeded;
import java.time.Instant;

/** Payments as payment-service announces them, for orders of the tests. */
final class PaymentFixture {

    private PaymentFixture() {}

    /** The payment of the order's whole total by its buyer. */
    static PaymentSucceeded paymentOf(Order order, String paymentId) {
        return new PaymentSucceeded(
                paymentId, Instant.now(), order.orderNo(), order.userId(), order.totalCents(), "wallet");
    }
}
