package io.shop.order;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.web.client.RestClient;

/**
 * Test products in the running product-service, made through its admin API, and its stock read
 * straight from the physical {@code shop_product.sku} table.
 */
public final class TestCatalog {

    private static final RestClient admin = RestClient.builder()
            .baseUrl("http://127.0.0.1:" + System.getProperty("shop.product.http-port", "8083"))
            .requestFactory(new JdkClientHttpRequestFactory())
            .defaultHeader("X-Shop-User-Id", "1")
            .defaultHeader("X-Shop-User-Roles", "admin")
            .build();

    private static final JdbcClient productDb =
            JdbcClient.create(new DriverManagerDataSource("jdbc:mariadb://127.0.0.1:3306/shop_product", "root", ""));

    private static long categoryId;
    private static long brandId;

    private TestCatalog() {}

    /** A new product on shelf with one SKU; returns the SKU id. */
    public static long sku(String title, long priceCents, int stock) {
        String product = post(
                "/api/admin/products",
                Map.of(
                        "title",
                        title + " " + UUID.randomUUID().toString().substring(0, 8),
                        "subtitle",
                        "test",
                        "description",
                        "made by order-service tests",
                        "categoryId",
                        category(),
                        "brandId",
                        brand(),
                        "onShelf",
                        true,
                        "skus",
                        List.of(Map.of("specs", Map.of("colour", "Red"), "priceCents", priceCents, "stock", stock))));
        return ((Number) JsonPath.read(product, "$.skus[0].id")).longValue();
    }

    public static long productOf(long skuId) {
        return productDb
                .sql("SELECT product_id FROM sku WHERE id = ?")
                .param(skuId)
                .query(Long.class)
                .single();
    }

    public static int stockOf(long skuId) {
        return productDb
                .sql("SELECT stock FROM sku WHERE id = ?")
                .param(skuId)
                .query(Integer.class)
                .single();
    }

    public static void setPrice(long skuId, long priceCents) {
        admin.put()
                .uri("/api/admin/products/{id}/skus/{sku}/price", productOf(skuId), skuId)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("priceCents", priceCents))
                .retrieve()
                .toBodilessEntity();
    }

    public static void takeOffShelf(long skuId) {
        admin.put()
                .uri("/api/admin/products/{id}/shelf", productOf(skuId))
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("onShelf", false))
                .retrieve()
                .toBodilessEntity();
    }

    private static synchronized long category() {
        if (categoryId == 0) {
            categoryId = id(post("/api/admin/categories", Map.of("name", "Order tests " + UUID.randomUUID())));
        }
        return categoryId;
    }

    private static synchronized long brand() {
        if (brandId == 0) {
            brandId = id(post("/api/admin/brands", Map.of("name", "Order tests " + UUID.randomUUID())));
        }
        return brandId;
    }

    private static long id(String json) {
        return ((Number) JsonPath.read(json, "$.id")).longValue();
    }

    private static String post(String path, Object body) {
        return admin.post()
                .uri(path)
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .retrieve()
                .body(String.class);
    }
}
