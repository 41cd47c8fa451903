package io.shop.order.flashsale;

import jakarta.validation.constraints.Positive;

/** Optional: where to ship; without it, the buyer's default address (looked up when the order is made). */
record PurchaseRequest(@Positive Long addressId) {

    long addressOrDefault() {
        return addressId == null ? 0 : addressId;
    }
}
