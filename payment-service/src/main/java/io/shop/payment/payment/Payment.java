package io.shop.payment.payment;

import io.shop.api.order.OrderView;
import io.shop.api.payment.PaymentSucceeded;
import java.time.Instant;
import java.util.UUID;

/** One attempt to pay one order; the amount is the order's total as order-service told it. */
record Payment(
        String paymentId,
        String orderNo,
        long userId,
        long amountCents,
        String method,
        Status status,
        String idempotencyKey,
        Instant createdAt) {

    static final String WALLET = "wallet";

    enum Status {
        SUCCEEDED,
        REFUNDED
    }

    static Payment byWallet(OrderView order, String idempotencyKey, Instant now) {
        return new Payment(
                "P" + UUID.randomUUID().toString().replace("-", ""),
                order.orderNo(),
                order.userId(),
                order.totalCents(),
                WALLET,
                Status.SUCCEEDED,
                idempotencyKey,
                now);
    }

    PaymentSucceeded succeeded() {
        return new PaymentSucceeded(paymentId, createdAt, orderNo, userId, amountCents, method);
    }

    String journal() {
        return "payment:" + paymentId;
    }

    String refundJournal() {
        return "refund:" + paymentId;
    }

    PaymentView view() {
        return new PaymentView(paymentId, orderNo, amountCents, method, status.name(), createdAt);
    }
}
