package io.shop.product.catalog;

import java.util.List;
import java.util.Map;

/** A product about to be created, with at least one SKU. */
record NewProduct(
        long categoryId,
        long brandId,
        String title,
        String subtitle,
        String description,
        boolean onShelf,
        List<NewSku> skus) {

    long minPriceCents() {
        return skus.stream().mapToLong(NewSku::priceCents).min().orElseThrow();
    }

    record NewSku(Map<String, String> specs, long priceCents, int stock) {}
}
