package io.shop.product.catalog;

/** Published inside the transaction that changed a product; caches act on it after the commit. */
public record ProductWritten(long productId) {}
