package io.shop.payment.payment;

import io.shop.api.order.OrderView;
import io.shop.api.payment.PaymentSucceeded;
import java.time.Instant;
import java.util.UUID;

/**
 * One attempt to pay one order; the amount is the order's total as order-service told it. A wallet
 * payment is SUCCEEDED from the start; a provider payment is PENDING with the provider's intent
 * and pay URL until the provider calls back.
 */
record Payment(
        String paymentId,
        String orderNo,
        long userId,
        long amountCents,
        String method,
        Status status,
        String idempotencyKey,
        Instant createdAt,
        String providerIntentId,
        String payUrl) {

    static final String WALLET = "wallet";
    static final String PROVIDER = "provider";

    enum Status {
        PENDING,
        SUCCEEDED,
        FAILED,
        EXPIRED,
        REFUNDED;

        /** The money was taken (and may have been given back since). */
        boolean tookMoney() {
            return this == SUCCEEDED || this == REFUNDED;
        }
    }

    static Payment byWallet(OrderView order, String idempotencyKey, Instant now) {
        return create(order, WALLET, Status.SUCCEEDED, idempotencyKey, now);
    }

    static Payment byProvider(OrderView order, String idempotencyKey, Instant now) {
        return create(order, PROVIDER, Status.PENDING, idempotencyKey, now);
    }

    private static Payment create(OrderView order, String method, Status status, String key, Instant now) {
        return new Payment(
                "P" + UUID.randomUUID().toString().replace("-", ""),
                order.orderNo(),
                order.userId(),
                order.totalCents(),
                method,
                status,
                key,
                now,
                null,
                null);
    }

    Payment withIntent(String intentId, String url) {
        return new Payment(
                paymentId, orderNo, userId, amountCents, method, status, idempotencyKey, createdAt, intentId, url);
    }

    boolean byProvider() {
        return PROVIDER.equals(method);
    }

    /** The news for order-service, as of the moment the money was taken. */
    PaymentSucceeded succeeded(Instant at) {
        return new PaymentSucceeded(paymentId, at, orderNo, userId, amountCents, method);
    }

    String journal() {
        return "payment:" + paymentId;
    }

    String refundJournal() {
        return "refund:" + paymentId;
    }

    PaymentView view() {
        return new PaymentView(
                paymentId,
                orderNo,
                amountCents,
                method,
                status.name(),
                createdAt,
                status == Status.PENDING ? payUrl : null);
    }
}
