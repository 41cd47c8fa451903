package io.shop.api.order;

/** Stable error codes of ordering. */
public final class OrderErrors {

    public static final String ORDER_NOT_FOUND = "ORDER_NOT_FOUND";

    private OrderErrors() {}
}
