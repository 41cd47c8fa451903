package io.shop.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.cloud.client.discovery.DiscoveryClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A storefront client of the in-process gateway (customers who register, sign in and buy) and the
 * operator's calls it needs (products, wallet top-ups), for the journeys through the gateway.
 */
final class Storefront {

    static final String PASSWORD = "correct-horse-42";

    private final WebTestClient http;
    private final DiscoveryClient discovery;
    private final ObjectMapper json = new ObjectMapper();

    Storefront(WebTestClient http, DiscoveryClient discovery) {
        this.http = http;
        this.discovery = discovery;
    }

    JsonNode pay(Customer customer, String orderNo, String key, int... expectedStatus) throws Exception {
        return pay(customer, orderNo, key, "wallet", expectedStatus);
    }

    JsonNode pay(Customer customer, String orderNo, String key, String method, int... expectedStatus) throws Exception {
        var result = http.post()
                .uri("/api/payments")
                .header(HttpHeaders.AUTHORIZATION, customer.bearer())
                .header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("orderNo", orderNo, "method", method))
                .exchange()
                .returnResult(String.class);
        String body = String.join("", result.getResponseBody().collectList().block());
        assertThat(expectedStatus).as(body).contains(result.getStatus().value());
        return json.readTree(body);
    }

    JsonNode order(Customer customer, String orderNo) throws Exception {
        return get("/api/orders/" + orderNo, customer);
    }

    JsonNode wallet(Customer customer) throws Exception {
        return get("/api/wallet?size=100", customer);
    }

    JsonNode payment(Customer customer, String paymentId) throws Exception {
        return get("/api/payments/" + paymentId, customer);
    }

    JsonNode get(String path, Customer customer) throws Exception {
        return json.readTree(http.get()
                .uri(path)
                .header(HttpHeaders.AUTHORIZATION, customer.bearer())
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody());
    }

    String checkout(Customer customer, long sku, int quantity) throws Exception {
        JsonNode order = json.readTree(http.post()
                .uri("/api/orders")
                .header(HttpHeaders.AUTHORIZATION, customer.bearer())
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of(
                        "addressId",
                        customer.addressId(),
                        "lines",
                        List.of(Map.of("skuId", sku, "quantity", quantity))))
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody());
        return order.get("orderNo").asText();
    }

    /** A registered, signed-in customer with an address of their own. */
    Customer customer(String nickname) throws Exception {
        String email = nickname.toLowerCase() + "-" + UUID.randomUUID() + "@example.org";
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> http.post()
                .uri("/api/users")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", email, "password", PASSWORD, "nickname", nickname))
                .exchange()
                .expectStatus()
                .isCreated());
        JsonNode login = json.readTree(http.post()
                .uri("/api/auth/login")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("account", email, "password", PASSWORD))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody());
        String bearer = "Bearer " + login.get("accessToken").asText();
        JsonNode me = json.readTree(http.get()
                .uri("/api/users/me")
                .header(HttpHeaders.AUTHORIZATION, bearer)
                .exchange()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody());
        JsonNode address = json.readTree(http.post()
                .uri("/api/addresses")
                .header(HttpHeaders.AUTHORIZATION, bearer)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of(
                        "recipient", nickname,
                        "phone", "+441234567890",
                        "province", "Greater London",
                        "city", "London",
                        "line1", "1 Payment Lane"))
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody());
        return new Customer(me.get("id").asLong(), bearer, address.get("id").asLong());
    }

    /** Operators top up wallets at payment-service. */
    void topUp(Customer customer, long cents) throws Exception {
        new Operator(discovery)
                .post(
                        "payment-service",
                        "/api/admin/wallets/" + customer.userId() + "/top-ups",
                        "{\"amountCents\":%d,\"requestId\":\"%s\"}".formatted(cents, UUID.randomUUID()),
                        200);
    }

    /** The SKU of a new product on shelf. */
    long sku(long priceCents, int stock) throws Exception {
        long product = new Operator(discovery).product("Paid Teapot " + UUID.randomUUID(), priceCents, stock);
        JsonNode page = json.readTree(http.get()
                .uri("/api/products/{id}", product)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody());
        return page.get("skus").get(0).get("id").asLong();
    }

    record Customer(long userId, String bearer, long addressId) {}
}
