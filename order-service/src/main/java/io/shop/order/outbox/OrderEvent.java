package io.shop.order.outbox;

/** An event of an order as it waits in the order's shard to be published; payload is JSON. */
public record OrderEvent(String eventId, String orderNo, long userId, String tag, String payload) {}
