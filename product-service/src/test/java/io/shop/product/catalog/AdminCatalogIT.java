package io.shop.product.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.shop.support.identity.Passports;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
class AdminCatalogIT {

    @Autowired
    TestRestTemplate http;

    @Autowired
    CatalogFixture catalog;

    @Test
    void anOperatorCreatesAProductThatTheStorefrontShows() {
        Category category = catalog.category();
        Brand brand = catalog.brand();
        String title = CatalogFixture.unique("Linen Scarf");

        var created = admin(
                HttpMethod.POST,
                "/api/admin/products",
                Map.of(
                        "title", title,
                        "subtitle", "soft and light",
                        "categoryId", category.id(),
                        "brandId", brand.id(),
                        "skus",
                                java.util.List.of(
                                        Map.of("specs", Map.of("colour", "Red"), "priceCents", 2500, "stock", 4),
                                        Map.of("specs", Map.of("colour", "Blue"), "priceCents", 2300, "stock", 0))));

        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        long id = ((Number) created.getBody().get("id")).longValue();
        var page = http.getForObject("/api/products/{id}", Map.class, id);
        assertThat(page).containsEntry("title", title).containsEntry("minPriceCents", 2300);
        var listed = http.getForObject("/api/products?category={c}&sort=price_asc", Map.class, category.id());
        assertThat(listed).containsEntry("total", 1);
    }

    @Test
    void everyChangeRaisesTheVersionAndTakingOffShelfHidesItFromTheCategory() {
        Category category = catalog.category();
        long id = catalog.product(CatalogFixture.unique("Desk Lamp"), category, catalog.brand(), 3, 3999);
        long sku = catalog.sku(id);

        var repriced = admin(
                HttpMethod.PUT, "/api/admin/products/" + id + "/skus/" + sku + "/price", Map.of("priceCents", 3499));
        var offShelf = admin(HttpMethod.PUT, "/api/admin/products/" + id + "/shelf", Map.of("onShelf", false));

        assertThat(repriced.getBody()).containsEntry("version", 2);
        assertThat(offShelf.getBody()).containsEntry("version", 3).containsEntry("onShelf", false);
        assertThat(http.getForObject("/api/products?category={c}", Map.class, category.id()))
                .containsEntry("total", 0);
    }

    @Test
    void numberForOnShelfIsABadRequestNamingTheFieldAndChangesNothing() {
        String title = CatalogFixture.unique("Tea Tin");
        long id = catalog.product(title, catalog.category(), catalog.brand(), 1, 1200);

        var refused = admin(HttpMethod.PUT, "/api/admin/products/" + id + "/shelf", Map.of("onShelf", 0));

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody()).containsEntry("code", "INVALID_PARAMETER");
        assertThat(refused.getBody().get("errors").toString()).contains("field=onShelf");
        // still on the shelf: the storefront still shows it
        assertThat(http.getForObject("/api/products/{id}", Map.class, id)).containsEntry("title", title);
    }

    @Test
    void aCustomerMayNotChangeTheCatalog() {
        var headers = new HttpHeaders();
        headers.set(
                Passports.HEADER, Passports.Issuer.ofGatewayFromEnvironment().issue("77", "customer"));

        var response = http.exchange(
                "/api/admin/brands",
                HttpMethod.POST,
                new HttpEntity<>(Map.of("name", CatalogFixture.unique("Sneaky")), headers),
                Map.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(response.getBody()).containsEntry("code", "ADMIN_ROLE_REQUIRED");
    }

    @Test
    void aNegativePriceIsABadRequestNamingTheField() {
        var response = admin(
                HttpMethod.POST,
                "/api/admin/products",
                Map.of(
                        "title", "Broken",
                        "categoryId", catalog.category().id(),
                        "brandId", catalog.brand().id(),
                        "skus", java.util.List.of(Map.of("specs", Map.of(), "priceCents", -1, "stock", 1))));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody().toString()).contains("field=skus[0].priceCents");
    }

    @Test
    void anUnknownCategoryIsNotFound() {
        var response = admin(
                HttpMethod.POST,
                "/api/admin/products",
                Map.of(
                        "title",
                        "Orphan",
                        "categoryId",
                        Long.MAX_VALUE,
                        "brandId",
                        catalog.brand().id(),
                        "skus",
                        java.util.List.of(Map.of("specs", Map.of(), "priceCents", 100, "stock", 1))));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(response.getBody()).containsEntry("code", "CATEGORY_NOT_FOUND");
    }

    @Test
    void invalidPagingAndSortAreBadRequestsNamingTheField() {
        long category = catalog.category().id();

        var size = http.getForEntity("/api/products?category={c}&size=0", Map.class, category);
        var sort = http.getForEntity("/api/products?category={c}&sort=cheapest", Map.class, category);

        assertThat(size.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(size.getBody().toString()).contains("field=size");
        assertThat(sort.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(sort.getBody().toString()).contains("field=sort");
    }

    @Test
    void aSubcategorysProductsAreListedUnderItsParent() {
        Category parent = catalog.category();
        Category child = catalog.subcategory(parent);
        Brand brand = catalog.brand();
        catalog.product(CatalogFixture.unique("Cheap Pen"), child, brand, 1, 150);
        catalog.product(CatalogFixture.unique("Fine Pen"), parent, brand, 1, 9900);

        Map<String, Object> page =
                http.getForObject("/api/products?category={c}&sort=price_desc&size=1", Map.class, parent.id());

        assertThat(page).containsEntry("total", 2);
        assertThat(page.get("items").toString()).contains("Fine Pen");
    }

    private ResponseEntity<Map> admin(HttpMethod method, String path, Object body) {
        var headers = new HttpHeaders();
        headers.set(
                Passports.HEADER, Passports.Issuer.ofGatewayFromEnvironment().issue("1", "customer,admin"));
        return http.exchange(path, method, new HttpEntity<>(body, headers), Map.class);
    }
}
