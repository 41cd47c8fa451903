package io.shop.api.product;

import java.io.Serializable;
import java.util.List;

/** One page of {@link ProductService#listProducts}; {@code last} when no product follows. */
public record ProductListingPage(List<ProductListing> products, boolean last) implements Serializable {

    public ProductListingPage {
        products = List.copyOf(products);
    }
}
