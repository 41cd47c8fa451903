package io.shop.api.product;

import java.time.Instant;

/**
 * A product was created or changed (price, texts, shelf status...): the listing as it is after the
 * change. Published on {@link ProductTopics#PRODUCT_CHANGED} with the product id as key, at least
 * once; consumers drop events whose {@code product.version()} is not newer than what they have.
 */
public record ProductChanged(String eventId, Instant occurredAt, ProductListing product) {}
