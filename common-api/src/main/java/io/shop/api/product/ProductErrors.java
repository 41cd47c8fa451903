package io.shop.api.product;

/** Stable error codes of the catalog. */
public final class ProductErrors {

    public static final String PRODUCT_NOT_FOUND = "PRODUCT_NOT_FOUND";
    public static final String SKU_NOT_FOUND = "SKU_NOT_FOUND";
    public static final String CATEGORY_NOT_FOUND = "CATEGORY_NOT_FOUND";
    public static final String BRAND_NOT_FOUND = "BRAND_NOT_FOUND";
    public static final String CATEGORY_EXISTS = "CATEGORY_EXISTS";
    public static final String BRAND_EXISTS = "BRAND_EXISTS";
    /** More SKUs asked for in one call than {@link ProductService#MAX_SKUS_PER_CALL}. */
    public static final String TOO_MANY_SKUS = "TOO_MANY_SKUS";

    public static final String PRODUCT_OFF_SHELF = "PRODUCT_OFF_SHELF";
    public static final String OUT_OF_STOCK = "OUT_OF_STOCK";
    /** The same order number was used to reserve other lines. */
    public static final String RESERVATION_CONFLICT = "RESERVATION_CONFLICT";

    private ProductErrors() {}
}
