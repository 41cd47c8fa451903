package io.shop.product.catalog;

import io.shop.api.ShopException;
import io.shop.api.product.ProductChanged;
import io.shop.api.product.ProductErrors;
import io.shop.api.product.ProductListing;
import io.shop.api.product.ProductTopics;
import io.shop.support.outbox.Outbox;
import java.time.Clock;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The operators' changes to the catalog. Each one commits together with its {@link ProductChanged}
 * event in the outbox, and tells the caches (after the commit) through {@link ProductWritten}.
 */
@Service
public class CatalogAdmin {

    private final Products products;
    private final Categories categories;
    private final ProductListings listings;
    private final Outbox outbox;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CatalogAdmin(
            Products products,
            Categories categories,
            ProductListings listings,
            Outbox outbox,
            ApplicationEventPublisher events,
            Clock clock) {
        this.products = products;
        this.categories = categories;
        this.listings = listings;
        this.outbox = outbox;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public long create(NewProduct product) {
        categories.category(product.categoryId());
        categories.brand(product.brandId());
        long id = products.insert(product);
        changed(id);
        return id;
    }

    @Transactional
    public void update(long id, ProductTexts texts, long categoryId, long brandId) {
        categories.category(categoryId);
        categories.brand(brandId);
        require(products.update(id, texts, categoryId, brandId), id);
        changed(id);
    }

    @Transactional
    public void setShelf(long id, boolean onShelf) {
        require(products.setShelf(id, onShelf), id);
        changed(id);
    }

    @Transactional
    public void setPrice(long productId, long skuId, long priceCents) {
        requireSku(products.setPrice(productId, skuId, priceCents), productId, skuId);
        changed(productId);
    }

    @Transactional
    public void setStock(long productId, long skuId, int stock) {
        requireSku(products.setStock(productId, skuId, stock), productId, skuId);
    }

    private void changed(long productId) {
        ProductListing listing = listings.of(productId);
        outbox.add(
                ProductTopics.PRODUCT_CHANGED,
                Long.toString(productId),
                new ProductChanged(UUID.randomUUID().toString(), clock.instant(), listing));
        events.publishEvent(new ProductWritten(productId, listing.version()));
    }

    private static void require(boolean found, long id) {
        if (!found) {
            throw ShopException.notFound(ProductErrors.PRODUCT_NOT_FOUND, "no product " + id);
        }
    }

    private static void requireSku(boolean found, long productId, long skuId) {
        if (!found) {
            throw ShopException.notFound(ProductErrors.SKU_NOT_FOUND, "product " + productId + " has no SKU " + skuId);
        }
    }
}
