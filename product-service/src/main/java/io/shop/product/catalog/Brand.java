package io.shop.product.catalog;

public record Brand(long id, String name) {}
