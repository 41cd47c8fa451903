package io.shop.payment.reconciliation;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One place where payments, the ledger and orders disagree. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Difference(Kind kind, String orderNo, String paymentId, String detail) {

    public enum Kind {
        /** A payment holding an order's money whose order is not paid with it. */
        PAYMENT_WITHOUT_PAID_ORDER,
        /** A second payment for an order paid by another, still not given back. */
        PAYMENT_NOT_REFUNDED,
        /** A payment that took money without its ledger journal (or a refund without its journal). */
        PAYMENT_WITHOUT_JOURNAL,
        /** A paid order whose payment does not exist or did not take the money. */
        PAID_ORDER_WITHOUT_PAYMENT,
        /** A paid order whose payment was refunded, or a refunded order whose payment was not. */
        REFUND_MISMATCH,
        /** An order and its payment that disagree about the amount. */
        AMOUNT_MISMATCH,
        /** A journal whose entries do not sum to zero. */
        JOURNAL_UNBALANCED,
        /** The whole ledger does not sum to zero. */
        LEDGER_UNBALANCED
    }
}
