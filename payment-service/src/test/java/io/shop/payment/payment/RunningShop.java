package io.shop.payment.payment;

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
 * The running shop's services, found where the gateway finds them, called as the gateway would
 * after checking a token (identity headers): a customer with an address and an order to pay.
 */
final class RunningShop {

    private final DiscoveryClient discovery;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    RunningShop(DiscoveryClient discovery) {
        this.discovery = discovery;
    }

    record PlacedOrder(long userId, String orderNo, long totalCents) {}

    /** A new customer's order of one unit of a new SKU at {@code priceCents}. */
    PlacedOrder order(long priceCents) throws Exception {
        long userId = call(
                        "user-service",
                        "POST",
                        "/api/users",
                        null,
                        """
                        {"email":"pay-%s@example.org","password":"correct-horse-42","nickname":"Payer"}"""
                                .formatted(UUID.randomUUID()),
                        201)
                .get("id")
                .asLong();
        long addressId = call(
                        "user-service",
                        "POST",
                        "/api/addresses",
                        userId,
                        """
                        {"recipient":"Payer","phone":"+441234567890","province":"London","city":"London",\
                        "line1":"1 Check-back Row"}""",
                        201)
                .get("id")
                .asLong();
        long category = admin("/api/admin/categories", "{\"name\":\"Check-back " + UUID.randomUUID() + "\"}");
        long brand = admin("/api/admin/brands", "{\"name\":\"Check-back " + UUID.randomUUID() + "\"}");
        long product = admin(
                "/api/admin/products",
                """
                {"title":"Check-back Kettle","categoryId":%d,"brandId":%d,"skus":[{"specs":{},"priceCents":%d,"stock":5}]}"""
                        .formatted(category, brand, priceCents));
        long sku = call("product-service", "GET", "/api/products/" + product, null, null, 200)
                .get("skus")
                .get(0)
                .get("id")
                .asLong();
        JsonNode order = call(
                "order-service",
                "POST",
                "/api/orders",
                userId,
                """
                        {"addressId":%d,"lines":[{"skuId":%d,"quantity":1}]}"""
                        .formatted(addressId, sku),
                201);
        return new PlacedOrder(
                userId, order.get("orderNo").asText(), order.get("totalCents").asLong());
    }

    String statusOf(PlacedOrder order) throws Exception {
        return call("order-service", "GET", "/api/orders/" + order.orderNo(), order.userId(), null, 200)
                .get("status")
                .asText();
    }

    private long admin(String path, String body) throws Exception {
        return call("product-service", "POST", path, -1L, body, 201).get("id").asLong();
    }

    /** {@code userId} null: no caller; negative: an operator. */
    private JsonNode call(String service, String method, String path, Long userId, String body, int expected)
            throws Exception {
        URI instance = await().atMost(Duration.ofSeconds(30))
                .until(() -> discovery.getInstances(service), instances -> !instances.isEmpty())
                .get(0)
                .getUri();
        HttpRequest.Builder request = HttpRequest.newBuilder(instance.resolve(path))
                .header("Content-Type", "application/json")
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (userId != null && userId < 0) {
            request.header(
                    Passports.HEADER,
                    Passports.Issuer.ofGatewayFromEnvironment().issue("1", Roles.ADMIN));
        } else if (userId != null) {
            request.header(
                    Passports.HEADER,
                    Passports.Issuer.ofGatewayFromEnvironment().issue(userId.toString(), Roles.CUSTOMER));
        }
        if (path.equals("/api/orders")) {
            request.header("Idempotency-Key", UUID.randomUUID().toString());
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode())
                .as("%s %s: %s", method, path, response.body())
                .isEqualTo(expected);
        return json.readTree(response.body());
    }
}
