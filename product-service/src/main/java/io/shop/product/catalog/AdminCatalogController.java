package io.shop.product.catalog;

import io.shop.support.identity.Caller;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The operators' catalog API; the gateway admits only admins and every call checks again. */
@RestController
@RequestMapping("/api/admin")
class AdminCatalogController {

    static final long MAX_PRICE_CENTS = 10_000_000_00L;
    static final int MAX_STOCK = 1_000_000;

    private final CatalogAdmin admin;
    private final Categories categories;
    private final Products products;

    AdminCatalogController(CatalogAdmin admin, Categories categories, Products products) {
        this.admin = admin;
        this.categories = categories;
        this.products = products;
    }

    @PostMapping("/categories")
    @ResponseStatus(HttpStatus.CREATED)
    Category createCategory(@Valid @RequestBody NewCategoryRequest request) {
        Caller.requireAdmin();
        return categories.createCategory(request.name().strip(), request.parentId());
    }

    @PostMapping("/brands")
    @ResponseStatus(HttpStatus.CREATED)
    Brand createBrand(@Valid @RequestBody NewBrandRequest request) {
        Caller.requireAdmin();
        return categories.createBrand(request.name().strip());
    }

    @PostMapping("/products")
    @ResponseStatus(HttpStatus.CREATED)
    AdminProductView createProduct(@Valid @RequestBody NewProductRequest request) {
        Caller.requireAdmin();
        return view(admin.create(request.toNewProduct()));
    }

    @PutMapping("/products/{id}")
    AdminProductView updateProduct(@PathVariable long id, @Valid @RequestBody ProductUpdateRequest request) {
        Caller.requireAdmin();
        admin.update(id, request.texts(), request.categoryId(), request.brandId());
        return view(id);
    }

    @PutMapping("/products/{id}/shelf")
    AdminProductView setShelf(@PathVariable long id, @Valid @RequestBody ShelfRequest request) {
        Caller.requireAdmin();
        admin.setShelf(id, request.onShelf());
        return view(id);
    }

    @PutMapping("/products/{id}/skus/{skuId}/price")
    AdminProductView setPrice(
            @PathVariable long id, @PathVariable long skuId, @Valid @RequestBody PriceRequest request) {
        Caller.requireAdmin();
        admin.setPrice(id, skuId, request.priceCents());
        return view(id);
    }

    @PutMapping("/products/{id}/skus/{skuId}/stock")
    AdminProductView setStock(
            @PathVariable long id, @PathVariable long skuId, @Valid @RequestBody StockRequest request) {
        Caller.requireAdmin();
        admin.changeStock(id, skuId, request.stock() - request.seenStock());
        return view(id);
    }

    private AdminProductView view(long id) {
        return AdminProductView.of(products.find(id).orElseThrow(), products.skusOf(id));
    }

    record NewCategoryRequest(@NotBlank @Size(max = 100) String name, @Positive Long parentId) {}

    record NewBrandRequest(@NotBlank @Size(max = 100) String name) {}

    record NewProductRequest(
            @NotBlank @Size(max = 200) String title,
            @Size(max = 300) String subtitle,
            @Size(max = 10_000) String description,
            @NotNull @Positive Long categoryId,
            @NotNull @Positive Long brandId,
            Boolean onShelf,
            @NotEmpty @Size(max = 50) List<@Valid @NotNull SkuRequest> skus) {

        NewProduct toNewProduct() {
            return new NewProduct(
                    categoryId,
                    brandId,
                    title.strip(),
                    subtitle == null ? "" : subtitle.strip(),
                    description,
                    onShelf == null || onShelf,
                    skus.stream()
                            .map(s -> new NewProduct.NewSku(s.specs(), s.priceCents(), s.stock()))
                            .toList());
        }
    }

    record SkuRequest(
            @NotNull @Size(max = 5) Map<@NotBlank @Size(max = 30) String, @NotBlank @Size(max = 50) String> specs,
            @NotNull @PositiveOrZero @Max(MAX_PRICE_CENTS) Long priceCents,
            @NotNull @PositiveOrZero @Max(MAX_STOCK) Integer stock) {}

    record ProductUpdateRequest(
            @NotBlank @Size(max = 200) String title,
            @Size(max = 300) String subtitle,
            @Size(max = 10_000) String description,
            @NotNull @Positive Long categoryId,
            @NotNull @Positive Long brandId) {

        ProductTexts texts() {
            return new ProductTexts(title.strip(), subtitle == null ? "" : subtitle.strip(), description);
        }
    }

    record ShelfRequest(@NotNull Boolean onShelf) {}

    record PriceRequest(@NotNull @PositiveOrZero @Max(MAX_PRICE_CENTS) Long priceCents) {}

    /**
     * The stock the operator saw and the stock they want. Applied as the difference, so orders
     * placed in between keep what they took: saw 10, wants 15, 3 were ordered meanwhile: 12.
     */
    record StockRequest(
            @NotNull @PositiveOrZero @Max(MAX_STOCK) Integer seenStock,
            @NotNull @PositiveOrZero @Max(MAX_STOCK) Integer stock) {}

    /** What an operator sees of a product: everything, stock included. */
    record AdminProductView(
            long id,
            String title,
            String subtitle,
            String description,
            long categoryId,
            long brandId,
            boolean onShelf,
            long version,
            List<Sku> skus) {

        static AdminProductView of(ProductRow p, List<SkuRow> skus) {
            return new AdminProductView(
                    p.id(),
                    p.title(),
                    p.subtitle(),
                    p.description(),
                    p.categoryId(),
                    p.brandId(),
                    p.onShelf(),
                    p.version(),
                    skus.stream()
                            .map(s -> new Sku(s.id(), s.specs(), s.priceCents(), s.stock()))
                            .toList());
        }

        record Sku(long id, Map<String, String> specs, long priceCents, int stock) {}
    }
}
