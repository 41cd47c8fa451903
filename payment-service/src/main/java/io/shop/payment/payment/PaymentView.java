package io.shop.payment.payment;

import java.time.Instant;

/** A payment as its payer sees it. */
record PaymentView(
        String paymentId, String orderNo, long amountCents, String method, String status, Instant createdAt) {}
