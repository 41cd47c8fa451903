package io.shop.payment.payment;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/** A payment as its payer sees it; {@code payUrl} while a provider payment waits for the customer. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record PaymentView(
        String paymentId,
        String orderNo,
        long amountCents,
        String method,
        String status,
        Instant createdAt,
        String payUrl) {}
