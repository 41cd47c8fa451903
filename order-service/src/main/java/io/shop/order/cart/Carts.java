package io.shop.order.cart;

import io.shop.api.ShopException;
import io.shop.api.product.ProductErrors;
import io.shop.api.product.SkuSnapshot;
import io.shop.order.catalog.CatalogClient;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/** What a customer does with their cart; the catalog is asked for the SKUs' current state. */
@Service
class Carts {

    private final CartStore store;
    private final CatalogClient catalog;

    Carts(CartStore store, CatalogClient catalog) {
        this.store = store;
        this.catalog = catalog;
    }

    CartView view(long userId) {
        List<CartEntry> entries = store.entries(userId);
        Map<Long, SkuSnapshot> skus =
                catalog.skus(entries.stream().map(CartEntry::skuId).toList());
        List<CartView.Item> items = entries.stream()
                .map(entry -> item(entry, skus.get(entry.skuId())))
                .toList();
        long total = items.stream()
                .filter(CartView.Item::available)
                .mapToLong(item -> Math.multiplyExact(item.unitPriceCents(), item.quantity()))
                .reduce(0, Math::addExact);
        return new CartView(items, total);
    }

    void add(long userId, long skuId, int quantity) {
        store.add(userId, skuId, quantity, buyable(skuId).priceCents());
    }

    void merge(long userId, List<CartItemRequest> items) {
        Map<Long, SkuSnapshot> skus = catalog.skus(
                items.stream().map(CartItemRequest::skuId).distinct().toList());
        for (CartItemRequest item : items) {
            SkuSnapshot sku = skus.get(item.skuId());
            // a guest cart may hold SKUs gone since; they are dropped rather than failing the sign-in
            if (sku != null && sku.onShelf()) {
                store.merge(userId, item.skuId(), item.quantity(), sku.priceCents());
            }
        }
    }

    void setQuantity(long userId, long skuId, int quantity) {
        store.set(userId, skuId, quantity);
    }

    void remove(long userId, long skuId) {
        store.remove(userId, List.of(skuId));
    }

    private SkuSnapshot buyable(long skuId) {
        SkuSnapshot sku = catalog.skus(List.of(skuId)).get(skuId);
        if (sku == null) {
            throw ShopException.notFound(ProductErrors.SKU_NOT_FOUND, "no SKU " + skuId);
        }
        if (!sku.onShelf()) {
            throw ShopException.conflict(ProductErrors.PRODUCT_OFF_SHELF, "SKU " + skuId + " is not for sale");
        }
        return sku;
    }

    private static CartView.Item item(CartEntry entry, SkuSnapshot sku) {
        if (sku == null) {
            return new CartView.Item(
                    entry.skuId(),
                    null,
                    null,
                    null,
                    entry.quantity(),
                    null,
                    entry.priceWhenAddedCents(),
                    false,
                    false,
                    false);
        }
        return new CartView.Item(
                entry.skuId(),
                sku.productId(),
                sku.title(),
                sku.specs(),
                entry.quantity(),
                sku.priceCents(),
                entry.priceWhenAddedCents(),
                sku.priceCents() != entry.priceWhenAddedCents(),
                sku.onShelf(),
                sku.stock() >= entry.quantity());
    }
}
