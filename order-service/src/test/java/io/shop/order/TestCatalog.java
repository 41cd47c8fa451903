package io.shop.order;

import com.jayway.jsonpath.JsonPath;
import io.shop.support.identity.Passports;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.core.env.Environment;
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

    private final RestClient admin;
    private final JdbcClient productDb;

    private long categoryId;
    private long brandId;

    TestCatalog(Environment environment) {
        admin = RestClient.builder()
                .baseUrl(environment.getRequiredProperty("shop.it.product-url"))
                .requestFactory(new JdkClientHttpRequestFactory())
                .defaultHeader(
                        Passports.HEADER,
                        Passports.Issuer.ofGatewayFromEnvironment().issue("1", "admin"))
                .build();
        productDb = JdbcClient.create(new DriverManagerDataSource(
                environment.getRequiredProperty("shop.it.product-db"),
                environment.getRequiredProperty("shop.order.shards.username"),
                environment.getProperty("shop.order.shards.password", "")));
    }

    /** A new product on shelf with one SKU; returns the SKU id. */
    public long sku(String title, long priceCents, int stock) {
        return skuWith(
                title + " " + UUID.randomUUID().toString().substring(0, 8), Map.of("colour", "Red"), priceCents, stock);
    }

    /** A new product on shelf with exactly this title and one SKU with these specs; returns the SKU id. */
    public long skuWith(String title, Map<String, String> specs, long priceCents, int stock) {
        String product = post(
                "/api/admin/products",
                Map.of(
                        "title",
                        title,
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
                        List.of(Map.of("specs", specs, "priceCents", priceCents, "stock", stock))));
        return ((Number) JsonPath.read(product, "$.skus[0].id")).longValue();
    }

    public long productOf(long skuId) {
        return productDb
                .sql("SELECT product_id FROM sku WHERE id = ?")
                .param(skuId)
                .query(Long.class)
                .single();
    }

    public int stockOf(long skuId) {
        return productDb
                .sql("SELECT stock FROM sku WHERE id = ?")
                .param(skuId)
                .query(Integer.class)
                .single();
    }

    public void setPrice(long skuId, long priceCents) {
        admin.put()
                .uri("/api/admin/products/{id}/skus/{sku}/price", productOf(skuId), skuId)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("priceCents", priceCents))
                .retrieve()
                .toBodilessEntity();
    }

    public void takeOffShelf(long skuId) {
        admin.put()
                .uri("/api/admin/products/{id}/shelf", productOf(skuId))
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("onShelf", false))
                .retrieve()
                .toBodilessEntity();
    }

    private synchronized long category() {
        if (categoryId == 0) {
            categoryId = id(post("/api/admin/categories", Map.of("name", "Order tests " + UUID.randomUUID())));
        }
        return categoryId;
    }

    private synchronized long brand() {
        if (brandId == 0) {
            brandId = id(post("/api/admin/brands", Map.of("name", "Order tests " + UUID.randomUUID())));
        }
        return brandId;
    }

    private static long id(String json) {
        return ((Number) JsonPath.read(json, "$.id")).longValue();
    }

    private String post(String path, Object body) {
        return admin.post()
                .uri(path)
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .retrieve()
                .body(String.class);
    }
}
