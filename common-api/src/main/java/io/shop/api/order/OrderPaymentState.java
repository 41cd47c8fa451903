package io.shop.api.order;

import java.io.Serializable;
import java.time.Instant;

/** What payment reconciliation needs of an order: its state, the payment it holds, its total. */
public record OrderPaymentState(String orderNo, String status, String paymentId, long totalCents, Instant updatedAt)
        implements Serializable {}
