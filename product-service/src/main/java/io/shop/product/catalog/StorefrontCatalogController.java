package io.shop.product.catalog;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Positive;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Browsing: the category menu, brands, and a category's products page by page. */
@RestController
class StorefrontCatalogController {

    private final Categories categories;
    private final CategoryPages pages;

    StorefrontCatalogController(Categories categories, CategoryPages pages) {
        this.categories = categories;
        this.pages = pages;
    }

    @GetMapping("/api/categories")
    List<CategoryTree.Node> categories() {
        return categories.tree().roots();
    }

    @GetMapping("/api/brands")
    List<Brand> brands() {
        return categories.brands();
    }

    @GetMapping("/api/products")
    CategoryPages.Page products(
            @RequestParam @Positive long category,
            @RequestParam(required = false) @Positive Long brand,
            @RequestParam(defaultValue = "newest") CategoryPages.Sort sort,
            @RequestParam(defaultValue = "0") @Min(0) @Max(CategoryPages.MAX_PAGE) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(CategoryPages.MAX_SIZE) int size) {
        return pages.page(category, brand, sort, page, size);
    }
}
