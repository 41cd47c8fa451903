package io.shop.api.product;

import java.io.Serializable;

/**
 * A SKU as another service sees it at one moment: the product it belongs to, what tells it apart
 * from its siblings ({@code specs}, e.g. "Red / M"), price in cents, stock on hand.
 */
public record SkuSnapshot(
        long skuId, long productId, String title, String specs, long priceCents, int stock, boolean onShelf)
        implements Serializable {}
