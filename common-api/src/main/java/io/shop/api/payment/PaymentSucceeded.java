package io.shop.api.payment;

import java.time.Instant;

/** The money for an order was taken; the order may become paid. {@code paymentId} is unique. */
public record PaymentSucceeded(
        String paymentId, Instant occurredAt, String orderNo, long userId, long amountCents, String method) {}
