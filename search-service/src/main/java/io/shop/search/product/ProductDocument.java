package io.shop.search.product;

/** A product as the index stores it; field names are the index mapping's. */
record ProductDocument(long id, String name, String description, long priceCents) {}
