package io.shop.infra.provider;

import java.time.Instant;

/**
 * One payment intent at the provider: created by the merchant, paid (or declined) by the customer
 * on the pay page, expired when nobody paid it in time, refunded by the merchant once paid.
 */
final class Intent {

    enum Status {
        PENDING,
        SUCCEEDED,
        FAILED,
        EXPIRED,
        REFUNDED
    }

    final String intentId;
    final String merchantRef;
    final long amountCents;
    final String callbackUrl;
    final Instant expiresAt;
    private Status status = Status.PENDING;
    private String refundRef;
    private int sequence;

    Intent(String intentId, String merchantRef, long amountCents, String callbackUrl, Instant expiresAt) {
        this.intentId = intentId;
        this.merchantRef = merchantRef;
        this.amountCents = amountCents;
        this.callbackUrl = callbackUrl;
        this.expiresAt = expiresAt;
    }

    synchronized Status status() {
        return status;
    }

    /** Ends a pending intent; false when it had ended already. */
    synchronized boolean end(Status outcome) {
        if (status != Status.PENDING) {
            return false;
        }
        status = outcome;
        return true;
    }

    /** Refunds a paid intent once per refund reference; false when it is not paid or refunded under another one. */
    synchronized boolean refund(String reference) {
        if (status == Status.REFUNDED) {
            return reference.equals(refundRef);
        }
        if (status != Status.SUCCEEDED) {
            return false;
        }
        status = Status.REFUNDED;
        refundRef = reference;
        return true;
    }

    /** The next number in this intent's event stream: a later event has a higher one. */
    synchronized int nextSequence() {
        return ++sequence;
    }
}
