package io.shop.api.payment;

/** Stable error codes of payments and wallets. */
public final class PaymentErrors {

    public static final String INVALID_USER_ID = "INVALID_USER_ID";
    public static final String INVALID_AMOUNT = "INVALID_AMOUNT";
    public static final String INVALID_REQUEST_ID = "INVALID_REQUEST_ID";
    /** A request id already used for a different user or amount. */
    public static final String REQUEST_ID_REUSED = "REQUEST_ID_REUSED";

    /** The wallet holds less than the order costs; nothing was debited. */
    public static final String INSUFFICIENT_BALANCE = "INSUFFICIENT_BALANCE";
    /** The order is not waiting for a payment (cancelled, or paid already). */
    public static final String ORDER_NOT_PAYABLE = "ORDER_NOT_PAYABLE";

    public static final String INVALID_PAYMENT_METHOD = "INVALID_PAYMENT_METHOD";
    public static final String IDEMPOTENCY_KEY_REQUIRED = "IDEMPOTENCY_KEY_REQUIRED";
    /** An Idempotency-Key already used to pay another order. */
    public static final String IDEMPOTENCY_KEY_REUSED = "IDEMPOTENCY_KEY_REUSED";

    public static final String PAYMENT_NOT_FOUND = "PAYMENT_NOT_FOUND";
    /** The broker cannot be reached: no payment can be taken now, and none was. */
    public static final String PAYMENTS_UNAVAILABLE = "PAYMENTS_UNAVAILABLE";

    /** A provider callback without a valid signature, or signed too long ago: refused, nothing changed. */
    public static final String BAD_SIGNATURE = "BAD_SIGNATURE";
    /** A signed provider callback that is not a well-formed event. */
    public static final String MALFORMED_CALLBACK = "MALFORMED_CALLBACK";
    /** A callback for a payment channel the shop does not have. */
    public static final String UNKNOWN_CHANNEL = "UNKNOWN_CHANNEL";
    /** A signed callback whose amount is not its payment's: refused, nothing changed. */
    public static final String CALLBACK_MISMATCH = "CALLBACK_MISMATCH";

    private PaymentErrors() {}
}
