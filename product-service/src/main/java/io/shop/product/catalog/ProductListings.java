package io.shop.product.catalog;

import io.shop.api.ShopException;
import io.shop.api.product.ProductErrors;
import io.shop.api.product.ProductListing;
import io.shop.api.product.ProductListingPage;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Products as read models (search, events) see them. */
@Component
public class ProductListings {

    private final Products products;
    private final Categories categories;

    ProductListings(Products products, Categories categories) {
        this.products = products;
        this.categories = categories;
    }

    public ProductListing of(long productId) {
        ProductRow row = products.find(productId)
                .orElseThrow(() -> ShopException.notFound(ProductErrors.PRODUCT_NOT_FOUND, "no product " + productId));
        return listing(row, categories.tree(), brands(), products.skusOf(productId));
    }

    public ProductListingPage after(long afterProductId, int size) {
        List<ProductRow> rows = products.after(afterProductId, size);
        CategoryTree tree = categories.tree();
        Map<Long, Brand> brands = brands();
        Map<Long, List<SkuRow>> skus = products
                .skusOf(rows.stream().map(ProductRow::id).toList())
                .stream()
                .collect(Collectors.groupingBy(SkuRow::productId));
        return new ProductListingPage(
                rows.stream()
                        .map(row -> listing(row, tree, brands, skus.getOrDefault(row.id(), List.of())))
                        .toList(),
                rows.size() < size);
    }

    private Map<Long, Brand> brands() {
        return categories.brands().stream().collect(Collectors.toMap(Brand::id, Function.identity()));
    }

    private static ProductListing listing(
            ProductRow row, CategoryTree tree, Map<Long, Brand> brands, List<SkuRow> skus) {
        List<Category> path = tree.path(row.categoryId());
        return new ProductListing(
                row.id(),
                row.version(),
                row.title(),
                row.subtitle(),
                row.brandId(),
                brands.get(row.brandId()).name(),
                row.categoryId(),
                path.get(path.size() - 1).name(),
                path.stream().map(Category::id).toList(),
                row.minPriceCents(),
                skus.stream().mapToLong(SkuRow::priceCents).max().orElse(row.minPriceCents()),
                row.onShelf());
    }
}
