package io.shop.api.payment;

/**
 * RocketMQ topics of payments. Payloads are JSON; the tag is the event's simple class name and the
 * key the order number.
 */
public final class PaymentTopics {

    /**
     * {@link PaymentSucceeded}: sent as a transactional message, committed exactly when the money
     * was taken; at least once.
     */
    public static final String PAYMENT_EVENTS = "shop-payment-events";

    private PaymentTopics() {}
}
