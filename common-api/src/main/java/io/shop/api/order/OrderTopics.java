package io.shop.api.order;

/**
 * RocketMQ topics of ordering. Payloads are JSON; the message tag is the event's simple class name
 * and the key the order number.
 */
public final class OrderTopics {

    /** {@link OrderCreated}, {@link OrderCancelled}, {@link OrderPaid}; at least once. */
    public static final String ORDER_EVENTS = "shop-order-events";

    /** order-service's own timer messages that cancel an order left unpaid; not a public contract. */
    public static final String PAYMENT_TIMEOUT = "shop-order-timeout";

    /** order-service's accepted flash-sale buys, turned into orders by its consumer; not a public contract. */
    public static final String FLASH_SALE_ORDERS = "shop-flash-sale-orders";

    private OrderTopics() {}
}
