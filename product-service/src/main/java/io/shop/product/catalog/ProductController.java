package io.shop.product.catalog;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/products")
class ProductController {

    private final Catalog catalog;

    ProductController(Catalog catalog) {
        this.catalog = catalog;
    }

    @GetMapping("/{id}")
    ProductDetails product(@PathVariable long id) {
        return ProductDetails.of(catalog.product(id));
    }

    /** The storefront's view of a product. */
    record ProductDetails(long id, String name, String description, long priceCents, int stock, boolean onShelf) {
        static ProductDetails of(Product p) {
            return new ProductDetails(p.id(), p.name(), p.description(), p.priceCents(), p.stock(), p.onShelf());
        }
    }
}
