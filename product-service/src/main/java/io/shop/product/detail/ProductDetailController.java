package io.shop.product.detail;

import io.shop.api.ShopException;
import io.shop.api.product.ProductErrors;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ProductDetailController {

    private final ProductDetailCache cache;

    ProductDetailController(ProductDetailCache cache) {
        this.cache = cache;
    }

    @GetMapping("/api/products/{id}")
    ProductDetail product(@PathVariable long id) {
        return cache.get(id)
                .orElseThrow(() -> ShopException.notFound(ProductErrors.PRODUCT_NOT_FOUND, "no product " + id));
    }
}
