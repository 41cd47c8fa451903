package io.shop.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shop.api.auth.Roles;
import io.shop.support.identity.Passports;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.springframework.cloud.client.discovery.DiscoveryClient;

/**
 * An operator's calls straight to a running service, found where the gateway finds it, with the
 * identity headers the gateway sets for a verified operator (through the gateway itself the test
 * would need an operator's password).
 */
final class Operator {

    private final DiscoveryClient discovery;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    Operator(DiscoveryClient discovery) {
        this.discovery = discovery;
    }

    /** A product on shelf, in a category and brand of its own, with one SKU; its id. */
    long product(String title, long priceCents, int stock) throws Exception {
        long category = post("product-service", "/api/admin/categories", named("Category"), 201)
                .get("id")
                .asLong();
        long brand = post("product-service", "/api/admin/brands", named("Brand"), 201)
                .get("id")
                .asLong();
        return post(
                        "product-service",
                        "/api/admin/products",
                        """
                        {"title":"%s","categoryId":%d,"brandId":%d,"skus":[{"specs":{},"priceCents":%d,"stock":%d}]}"""
                                .formatted(title, category, brand, priceCents, stock),
                        201)
                .get("id")
                .asLong();
    }

    JsonNode post(String service, String path, String body, int expectedStatus) throws Exception {
        URI instance = await().atMost(Duration.ofSeconds(30))
                .until(() -> discovery.getInstances(service), instances -> !instances.isEmpty())
                .get(0)
                .getUri();
        var response = http.send(
                HttpRequest.newBuilder(instance.resolve(path))
                        .header("Content-Type", "application/json")
                        .header(
                                Passports.HEADER,
                                Passports.Issuer.ofGatewayFromEnvironment().issue("1", Roles.ADMIN))
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(expectedStatus);
        return json.readTree(response.body());
    }

    private static String named(String kind) {
        return "{\"name\":\"" + kind + " " + UUID.randomUUID() + "\"}";
    }
}
