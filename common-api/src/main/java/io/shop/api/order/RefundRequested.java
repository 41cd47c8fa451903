package io.shop.api.order;

import java.time.Instant;

/**
 * The money of a payment must go back to the buyer: the order was cancelled before the payment
 * reached it ({@code ORDER_CANCELLED}), or a paid order was cancelled before it shipped ({@code
 * ORDER_REFUNDED}). Published on {@link OrderTopics#ORDER_EVENTS}; payment-service refunds each
 * payment once, however often this arrives.
 */
public record RefundRequested(
        String eventId, Instant occurredAt, String orderNo, long userId, String paymentId, String reason) {

    public static final String ORDER_CANCELLED = "ORDER_CANCELLED";
    public static final String ORDER_REFUNDED = "ORDER_REFUNDED";
}
