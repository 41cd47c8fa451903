package io.shop.search.product;

import io.shop.api.product.ProductListing;
import java.util.List;
import java.util.function.Consumer;

/** Every product of the catalog, on shelf or not: what a full reindex reads. */
interface CatalogListings {

    /**
     * Hands the whole catalog to {@code page}, a page at a time in product id order.
     *
     * @throws io.shop.api.ShopException {@code CATALOG_UNAVAILABLE} when the catalog cannot be read
     */
    void forEachPage(Consumer<List<ProductListing>> page);
}
