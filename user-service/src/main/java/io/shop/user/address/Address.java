package io.shop.user.address;

import java.time.Instant;

/** A stored shipping address of one user. */
record Address(long id, long userId, ShippingAddress details, boolean isDefault, Instant createdAt) {}
