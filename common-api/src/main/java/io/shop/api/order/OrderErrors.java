package io.shop.api.order;

/** Stable error codes of the cart and of ordering. */
public final class OrderErrors {

    /** No such order for that user: another user's order is not found either. */
    public static final String ORDER_NOT_FOUND = "ORDER_NOT_FOUND";
    /** The order is not in a state that allows this (e.g. shipping an unpaid order). */
    public static final String ORDER_STATE_CONFLICT = "ORDER_STATE_CONFLICT";
    /** A transaction still in progress (a payment, a cancellation) holds the order; try again shortly. */
    public static final String ORDER_LOCKED = "ORDER_LOCKED";
    /** Placing an order needs an {@code Idempotency-Key} header (1-64 of A-Z a-z 0-9 - _). */
    public static final String IDEMPOTENCY_KEY_REQUIRED = "IDEMPOTENCY_KEY_REQUIRED";
    /** The idempotency key was already used for a different request. */
    public static final String IDEMPOTENCY_KEY_REUSED = "IDEMPOTENCY_KEY_REUSED";
    /** Nothing to order: the cart is empty. */
    public static final String CART_EMPTY = "CART_EMPTY";

    public static final String CART_ITEM_NOT_FOUND = "CART_ITEM_NOT_FOUND";
    /** The cart already holds the most distinct items it may. */
    public static final String CART_FULL = "CART_FULL";
    /** An order request names one SKU in two lines. */
    public static final String DUPLICATE_SKU = "DUPLICATE_SKU";
    /** A price the customer confirmed is no longer the SKU's price. */
    public static final String PRICE_CHANGED = "PRICE_CHANGED";
    /** A reconciliation call with no, too many or null order numbers. */
    public static final String INVALID_ORDER_NUMBERS = "INVALID_ORDER_NUMBERS";
    /** A reconciliation period whose start is not before its end. */
    public static final String INVALID_PERIOD = "INVALID_PERIOD";

    /** Most units of one SKU in a cart line or an order line. */
    public static final int MAX_QUANTITY_PER_LINE = 99;
    /** Most distinct SKUs in a cart or an order. */
    public static final int MAX_LINES = 50;

    /** Operators made checkout read-only (order-service's switch {@code checkout-open}); no order was placed (503). */
    public static final String CHECKOUT_READ_ONLY = "CHECKOUT_READ_ONLY";

    private OrderErrors() {}
}
