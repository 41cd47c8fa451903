package io.shop.product.detail;

import java.util.List;
import java.util.Map;

/**
 * The storefront's product page, as cached: texts, brand, category path and the SKUs with their
 * prices. Stock is not part of it (it changes with every order): see {@code /stock}.
 */
public record ProductDetail(
        long id,
        String title,
        String subtitle,
        String description,
        boolean onShelf,
        long version,
        long minPriceCents,
        Ref brand,
        List<Ref> categoryPath,
        List<Sku> skus) {

    public record Ref(long id, String name) {}

    public record Sku(long id, Map<String, String> specs, long priceCents) {}
}
