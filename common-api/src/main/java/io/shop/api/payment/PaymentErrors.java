package io.shop.api.payment;

/** Stable error codes of payments and wallets. */
public final class PaymentErrors {

    public static final String INVALID_USER_ID = "INVALID_USER_ID";
    public static final String INVALID_AMOUNT = "INVALID_AMOUNT";
    public static final String INVALID_REQUEST_ID = "INVALID_REQUEST_ID";
    /** A request id already used for a different user or amount. */
    public static final String REQUEST_ID_REUSED = "REQUEST_ID_REUSED";

    private PaymentErrors() {}
}
