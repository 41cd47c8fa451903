package io.shop.product.catalog;

import io.shop.api.product.ProductSnapshot;

/** A product as the catalog stores it. Prices are integer cents. */
record Product(long id, String name, String description, long priceCents, int stock, boolean onShelf) {

    ProductSnapshot snapshot() {
        return new ProductSnapshot(id, name, priceCents, stock);
    }
}
