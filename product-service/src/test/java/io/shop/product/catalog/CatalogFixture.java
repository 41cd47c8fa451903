package io.shop.product.catalog;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Creates catalog data for tests, with names no other test run uses. */
@Component
public class CatalogFixture {

    private final Categories categories;
    private final CatalogAdmin admin;
    private final Products products;

    CatalogFixture(Categories categories, CatalogAdmin admin, Products products) {
        this.categories = categories;
        this.admin = admin;
        this.products = products;
    }

    public static String unique(String name) {
        return name + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    public Category category() {
        return categories.createCategory(unique("Category"), null);
    }

    public Category subcategory(Category parent) {
        return categories.createCategory(unique("Subcategory"), parent.id());
    }

    public Brand brand() {
        return categories.createBrand(unique("Brand"));
    }

    /** A product on shelf with one SKU per price, each with {@code stock} on hand. */
    public long product(String title, Category category, Brand brand, int stock, long... prices) {
        List<NewProduct.NewSku> skus = java.util.Arrays.stream(prices)
                .mapToObj(price -> new NewProduct.NewSku(Map.of("colour", "Colour " + price), price, stock))
                .toList();
        return admin.create(new NewProduct(category.id(), brand.id(), title, "", null, true, skus));
    }

    public long product(String title, int stock, long... prices) {
        return product(title, category(), brand(), stock, prices);
    }

    public List<SkuRow> skus(long productId) {
        return products.skusOf(productId);
    }

    public long sku(long productId) {
        return skus(productId).get(0).id();
    }

    public int stock(long skuId) {
        return products.skus(List.of(skuId)).get(0).stock();
    }
}
