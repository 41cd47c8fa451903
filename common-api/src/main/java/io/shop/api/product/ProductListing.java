package io.shop.api.product;

import java.io.Serializable;
import java.util.List;

/**
 * A product as search and other read models see it. {@code version} grows with every change of
 * the product, so a reader can drop a listing older than the one it has. {@code categoryPath} holds
 * the ids from the root category down to the product's own.
 */
public record ProductListing(
        long productId,
        long version,
        String title,
        String subtitle,
        long brandId,
        String brandName,
        long categoryId,
        String categoryName,
        List<Long> categoryPath,
        long minPriceCents,
        long maxPriceCents,
        boolean onShelf)
        implements Serializable {

    public ProductListing {
        categoryPath = List.copyOf(categoryPath);
    }
}
