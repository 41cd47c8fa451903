package io.shop.product.detail;

import io.shop.product.catalog.Categories;
import io.shop.product.catalog.CategoryTree;
import io.shop.product.catalog.Products;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Reads a product page from the database: what the caches fall back to. */
@Component
class ProductDetailLoader {

    private final Products products;
    private final Categories categories;

    ProductDetailLoader(Products products, Categories categories) {
        this.products = products;
        this.categories = categories;
    }

    @Transactional(readOnly = true)
    public Optional<ProductDetail> load(long id) {
        return products.find(id).map(row -> {
            CategoryTree tree = categories.tree();
            return new ProductDetail(
                    row.id(),
                    row.title(),
                    row.subtitle(),
                    row.description(),
                    row.onShelf(),
                    row.version(),
                    row.minPriceCents(),
                    new ProductDetail.Ref(
                            row.brandId(), categories.brand(row.brandId()).name()),
                    tree.path(row.categoryId()).stream()
                            .map(c -> new ProductDetail.Ref(c.id(), c.name()))
                            .toList(),
                    products.skusOf(id).stream()
                            .map(s -> new ProductDetail.Sku(s.id(), s.specs(), s.priceCents()))
                            .toList());
        });
    }
}
