package io.shop.product.catalog;

/** A product (SPU) as stored; its SKUs are {@link SkuRow}s. */
public record ProductRow(
        long id,
        long categoryId,
        long brandId,
        String title,
        String subtitle,
        String description,
        boolean onShelf,
        long minPriceCents,
        long version) {}
