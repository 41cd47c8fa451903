package io.shop.api.order;

import java.time.Instant;

/** An order was placed and its stock reserved; it is cancelled if not paid by {@code payBy}. */
public record OrderCreated(
        String eventId, Instant occurredAt, String orderNo, long userId, long totalCents, Instant payBy) {}
