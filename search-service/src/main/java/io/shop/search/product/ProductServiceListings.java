package io.shop.search.product;

import io.shop.api.ShopException;
import io.shop.api.product.ProductListing;
import io.shop.api.product.ProductListingPage;
import io.shop.api.product.ProductService;
import io.shop.api.search.SearchErrors;
import java.util.List;
import java.util.function.Consumer;
import org.apache.dubbo.rpc.RpcException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The catalog's listings from product-service over Dubbo, paged by the last product id seen. */
final class ProductServiceListings implements CatalogListings {

    private static final Logger log = LoggerFactory.getLogger(ProductServiceListings.class);

    private final ProductService products;
    private final int pageSize;

    ProductServiceListings(ProductService products, int pageSize) {
        this.products = products;
        this.pageSize = pageSize;
    }

    @Override
    public void forEachPage(Consumer<List<ProductListing>> sink) {
        long after = 0;
        while (true) {
            ProductListingPage page = fetch(after);
            List<ProductListing> listings = page.products();
            if (listings.isEmpty()) {
                return;
            }
            long last = listings.get(listings.size() - 1).productId();
            if (last <= after) {
                // a catalog that pages backwards would have us loop forever
                throw new IllegalStateException("catalog paging went from product " + after + " back to " + last);
            }
            sink.accept(listings);
            if (page.last()) {
                return;
            }
            after = last;
        }
    }

    private ProductListingPage fetch(long after) {
        try {
            return products.listProducts(after, pageSize);
        } catch (RpcException e) {
            // the transport's message names hosts and ports: it stays in this service's log
            log.warn("listing the catalog after product {} failed: {}", after, e.toString());
            throw new ShopException(
                    ShopException.Kind.UNAVAILABLE, SearchErrors.CATALOG_UNAVAILABLE, "the catalog cannot be read now");
        }
    }
}
