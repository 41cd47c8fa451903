package io.shop.api.product;

/** Stable error codes of the catalog. */
public final class ProductErrors {

    public static final String PRODUCT_NOT_FOUND = "PRODUCT_NOT_FOUND";
    public static final String OUT_OF_STOCK = "OUT_OF_STOCK";

    private ProductErrors() {}
}
