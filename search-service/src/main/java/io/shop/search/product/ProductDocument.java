package io.shop.search.product;

import io.shop.api.product.ProductListing;
import java.util.ArrayList;
import java.util.List;

/**
 * A product as the index stores it; field names are the mapping's ({@link ProductMapping}). Products
 * off shelf stay in the index with {@code onShelf=false}; see {@link ProductIndex} for why.
 *
 * @param categoryPath every category the product is in, from the root down to its own
 */
record ProductDocument(
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
        boolean onShelf) {

    static ProductDocument of(ProductListing listing) {
        List<Long> path = new ArrayList<>(listing.categoryPath());
        if (!path.contains(listing.categoryId())) {
            path.add(listing.categoryId());
        }
        return new ProductDocument(
                listing.productId(),
                listing.version(),
                listing.title(),
                listing.subtitle(),
                listing.brandId(),
                listing.brandName(),
                listing.categoryId(),
                listing.categoryName(),
                List.copyOf(path),
                listing.minPriceCents(),
                listing.maxPriceCents(),
                listing.onShelf());
    }

    String id() {
        return Long.toString(productId);
    }
}
