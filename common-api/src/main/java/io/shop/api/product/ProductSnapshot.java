package io.shop.api.product;

import java.io.Serializable;

/** A product as another service sees it at one moment: price in cents, stock on hand. */
public record ProductSnapshot(long id, String name, long priceCents, int stock) implements Serializable {}
