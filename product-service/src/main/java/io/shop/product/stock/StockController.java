package io.shop.product.stock;

import io.shop.api.ShopException;
import io.shop.api.product.ProductErrors;
import io.shop.product.catalog.Products;
import io.shop.product.catalog.SkuRow;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Stock on hand, read live: it changes with every order, so it stays out of the page cache. */
@RestController
class StockController {

    private final Products products;

    StockController(Products products) {
        this.products = products;
    }

    @GetMapping("/api/products/{id}/stock")
    ProductStock stock(@PathVariable long id) {
        List<SkuRow> skus = products.skusOf(id);
        if (skus.isEmpty()) {
            throw ShopException.notFound(ProductErrors.PRODUCT_NOT_FOUND, "no product " + id);
        }
        return new ProductStock(
                id,
                skus.stream().map(s -> new ProductStock.Sku(s.id(), s.stock())).toList());
    }

    record ProductStock(long productId, List<Sku> skus) {
        record Sku(long skuId, int stock) {}
    }
}
