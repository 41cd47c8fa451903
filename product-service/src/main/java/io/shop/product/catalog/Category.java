package io.shop.product.catalog;

/** A node of the category tree; roots have no parent. */
public record Category(long id, Long parentId, String name) {}
