package io.shop.product.catalog;

/**
 * Published inside the transaction that changed a product, with the version the change gave it;
 * caches act on it after the commit.
 */
public record ProductWritten(long productId, long version) {}
