package io.shop.api.product;

/** RocketMQ topics the catalog publishes on. Payloads are JSON. */
public final class ProductTopics {

    /** {@link ProductChanged}, keyed by product id. */
    public static final String PRODUCT_CHANGED = "shop-product-changed";

    private ProductTopics() {}
}
