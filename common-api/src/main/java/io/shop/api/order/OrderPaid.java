package io.shop.api.order;

import java.time.Instant;

/** An order was paid; its stock is final. */
public record OrderPaid(
        String eventId, Instant occurredAt, String orderNo, long userId, String paymentId, long totalCents) {}
