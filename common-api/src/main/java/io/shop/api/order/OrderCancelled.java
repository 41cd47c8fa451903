package io.shop.api.order;

import java.time.Instant;

/** An unpaid order was cancelled and its stock released; {@code reason} is CUSTOMER, OPERATOR or PAYMENT_TIMEOUT. */
public record OrderCancelled(String eventId, Instant occurredAt, String orderNo, long userId, String reason) {}
