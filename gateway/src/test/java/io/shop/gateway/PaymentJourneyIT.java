package io.shop.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.cloud.client.discovery.DiscoveryClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A customer pays an order from their wallet or through the payment provider (the launcher's
 * simulator, calling back through the running gateway) via the in-process gateway, against the
 * running services: order-service prices the order, payment-service takes the money and tells
 * order-service through a RocketMQ transactional message, product-service makes the stock final.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
class PaymentJourneyIT {

    private static final String PASSWORD = "correct-horse-42";
    private static final Duration EVENTUALLY = Duration.ofSeconds(60);

    @Autowired
    WebTestClient http;

    @Autowired
    DiscoveryClient discovery;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aWalletPaymentPaysTheOrderOnceEvenWhenSentFiveTimesAtOnce() throws Exception {
        Customer ada = customer("Ada");
        long sku = sku(1250, 5);
        topUp(ada, 10_000);
        String orderNo = checkout(ada, sku, 2);
        String key = UUID.randomUUID().toString();

        var pool = Executors.newFixedThreadPool(5);
        List<Future<JsonNode>> answers = pool.invokeAll(IntStream.range(0, 5)
                .mapToObj(i -> (Callable<JsonNode>) () -> pay(ada, orderNo, key, 200, 201))
                .toList());
        pool.shutdown();

        List<String> paymentIds = answers.stream()
                .map(answer -> valueOf(answer).get("paymentId").asText())
                .distinct()
                .toList();
        assertThat(paymentIds).hasSize(1);
        await().atMost(EVENTUALLY)
                .until(() -> order(ada, orderNo).get("status").asText().equals("PAID"));
        JsonNode order = order(ada, orderNo);
        assertThat(order.get("paymentId").asText()).isEqualTo(paymentIds.get(0));
        JsonNode wallet = wallet(ada);
        assertThat(wallet.get("balanceCents").asLong()).isEqualTo(10_000 - 2_500);
        assertThat(wallet.get("entries"))
                .extracting(entry -> entry.get("journal").asText() + "="
                        + entry.get("amountCents").asLong())
                .containsOnlyOnce("payment:" + paymentIds.get(0) + "=-2500");
    }

    @Test
    void cancellingAPaidOrderRefundsTheWalletOnce() throws Exception {
        Customer bob = customer("Bob");
        long sku = sku(900, 5);
        topUp(bob, 5_000);
        String orderNo = checkout(bob, sku, 3);
        String paymentId = pay(bob, orderNo, UUID.randomUUID().toString(), 201)
                .get("paymentId")
                .asText();
        await().atMost(EVENTUALLY)
                .until(() -> order(bob, orderNo).get("status").asText().equals("PAID"));

        var pool = Executors.newFixedThreadPool(5);
        List<Future<Integer>> cancels = pool.invokeAll(IntStream.range(0, 5)
                .mapToObj(i -> (Callable<Integer>) () -> http.post()
                        .uri("/api/orders/{orderNo}/cancel", orderNo)
                        .header(HttpHeaders.AUTHORIZATION, bob.bearer())
                        .exchange()
                        .returnResult(String.class)
                        .getStatus()
                        .value())
                .toList());
        pool.shutdown();

        assertThat(cancels.stream().map(PaymentJourneyIT::valueOf)).containsOnlyOnce(200);
        assertThat(order(bob, orderNo).get("status").asText()).isEqualTo("REFUNDED");
        await().atMost(EVENTUALLY)
                .pollInterval(Duration.ofMillis(300))
                .until(() -> wallet(bob).get("balanceCents").asLong() == 5_000);
        assertThat(wallet(bob).get("entries"))
                .extracting(entry -> entry.get("journal").asText())
                .containsOnlyOnce("refund:" + paymentId);
        assertThat(payment(bob, paymentId).get("status").asText()).isEqualTo("REFUNDED");
    }

    @Test
    void anOperatorCancellingAPaidOrderRefundsTheWallet() throws Exception {
        Customer hana = customer("Hana");
        long sku = sku(1_100, 5);
        topUp(hana, 4_000);
        String orderNo = checkout(hana, sku, 2);
        String paymentId = pay(hana, orderNo, UUID.randomUUID().toString(), 201)
                .get("paymentId")
                .asText();
        await().atMost(EVENTUALLY)
                .until(() -> order(hana, orderNo).get("status").asText().equals("PAID"));

        JsonNode cancelled =
                new Operator(discovery).post("order-service", "/api/admin/orders/" + orderNo + "/cancel", "", 200);

        assertThat(cancelled.get("status").asText()).isEqualTo("REFUNDED");
        await().atMost(EVENTUALLY)
                .until(() -> payment(hana, paymentId).get("status").asText().equals("REFUNDED"));
        assertThat(wallet(hana).get("balanceCents").asLong()).isEqualTo(4_000);
    }

    @Test
    void aShortWalletTakesNothingAndAnotherUsersOrderIsNotFound() throws Exception {
        Customer carol = customer("Carol");
        Customer dave = customer("Dave");
        long sku = sku(4_000, 5);
        topUp(carol, 3_000);
        String orderNo = checkout(carol, sku, 1);

        JsonNode shortOfMoney = pay(carol, orderNo, UUID.randomUUID().toString(), 409);
        JsonNode strangers = pay(dave, orderNo, UUID.randomUUID().toString(), 404);
        JsonNode noMethod = json.readTree(http.post()
                .uri("/api/payments")
                .header(HttpHeaders.AUTHORIZATION, carol.bearer())
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("orderNo", orderNo, "method", "cash"))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody());

        assertThat(shortOfMoney.get("code").asText()).isEqualTo("INSUFFICIENT_BALANCE");
        assertThat(strangers.get("code").asText()).isEqualTo("ORDER_NOT_FOUND");
        assertThat(noMethod.get("errors").get(0).get("field").asText()).isEqualTo("method");
        assertThat(wallet(carol).get("balanceCents").asLong()).isEqualTo(3_000);
        assertThat(order(carol, orderNo).get("status").asText()).isEqualTo("CREATED");
    }

    @Test
    void aProviderPaymentPaysOnceThoughItsCallbackIsReplayedReorderedAndTamperedWith() throws Exception {
        Customer erin = customer("Erin");
        long sku = sku(1_990, 5);
        String orderNo = checkout(erin, sku, 1);
        String key = UUID.randomUUID().toString();
        JsonNode pending = pay(erin, orderNo, key, "provider", 201);
        assertThat(pending.get("status").asText()).isEqualTo("PENDING");
        assertThat(pay(erin, orderNo, key, "provider", 200).get("payUrl").asText())
                .isEqualTo(pending.get("payUrl").asText());

        provider(pending, "", Map.of("outcome", "succeed", "duplicates", 5, "reorder", true, "tamper", true), 202);

        String paymentId = pending.get("paymentId").asText();
        // the outcome 6 times at once, then "processing", then the tampered copy
        JsonNode deliveries = await().atMost(EVENTUALLY)
                .until(() -> provider(pending, "/deliveries", null, 200), answered -> answered.size() >= 8);
        assertThat(deliveries)
                .extracting(d -> d.get("variant").asText() + " " + d.get("type").asText() + " "
                        + d.get("status").asInt())
                .containsOnly(
                        "HONEST payment.succeeded 204",
                        "HONEST payment.processing 204",
                        "TAMPERED payment.succeeded 401")
                .containsOnlyOnce("TAMPERED payment.succeeded 401", "HONEST payment.processing 204");
        await().atMost(EVENTUALLY)
                .until(() -> order(erin, orderNo).get("status").asText().equals("PAID"));
        assertThat(order(erin, orderNo).get("paymentId").asText()).isEqualTo(paymentId);
        JsonNode payment = payment(erin, paymentId);
        assertThat(payment.get("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(payment.has("payUrl")).isFalse();
    }

    @Test
    void aDeclinedProviderPaymentLeavesTheOrderUnpaidAndACallbackSignedLongAgoIsRefused() throws Exception {
        Customer finn = customer("Finn");
        long sku = sku(700, 5);
        String orderNo = checkout(finn, sku, 1);
        JsonNode pending = pay(finn, orderNo, UUID.randomUUID().toString(), "provider", 201);

        provider(pending, "", Map.of("outcome", "fail", "stale", true), 202);

        String paymentId = pending.get("paymentId").asText();
        await().atMost(EVENTUALLY)
                .until(() -> payment(finn, paymentId).get("status").asText().equals("FAILED"));
        JsonNode deliveries = await().atMost(EVENTUALLY)
                .until(() -> provider(pending, "/deliveries", null, 200), answered -> answered.size() >= 3);
        assertThat(deliveries)
                .extracting(
                        d -> d.get("variant").asText() + " " + d.get("status").asInt())
                .containsExactlyInAnyOrder("HONEST 204", "HONEST 204", "STALE 401");
        assertThat(order(finn, orderNo).get("status").asText()).isEqualTo("CREATED");
        // the customer may try again, with a new key
        assertThat(pay(finn, orderNo, UUID.randomUUID().toString(), "provider", 201)
                        .get("status")
                        .asText())
                .isEqualTo("PENDING");
    }

    @Test
    void cancellingAnOrderPaidThroughTheProviderRefundsItThereOnce() throws Exception {
        Customer gwen = customer("Gwen");
        long sku = sku(2_500, 5);
        String orderNo = checkout(gwen, sku, 2);
        JsonNode pending = pay(gwen, orderNo, UUID.randomUUID().toString(), "provider", 201);
        provider(pending, "", Map.of("outcome", "succeed"), 202);
        await().atMost(EVENTUALLY)
                .until(() -> order(gwen, orderNo).get("status").asText().equals("PAID"));

        var pool = Executors.newFixedThreadPool(5);
        List<Future<Integer>> cancels = pool.invokeAll(IntStream.range(0, 5)
                .mapToObj(i -> (Callable<Integer>) () -> http.post()
                        .uri("/api/orders/{orderNo}/cancel", orderNo)
                        .header(HttpHeaders.AUTHORIZATION, gwen.bearer())
                        .exchange()
                        .returnResult(String.class)
                        .getStatus()
                        .value())
                .toList());
        pool.shutdown();

        assertThat(cancels.stream().map(PaymentJourneyIT::valueOf)).containsOnlyOnce(200);
        String paymentId = pending.get("paymentId").asText();
        await().atMost(EVENTUALLY)
                .until(() -> payment(gwen, paymentId).get("status").asText().equals("REFUNDED"));
        assertThat(provider(pending, "", null, 200).get("status").asText()).isEqualTo("REFUNDED");
        assertThat(order(gwen, orderNo).get("status").asText()).isEqualTo("REFUNDED");
    }

    /** The provider's pay page, as the customer's browser would use it. */
    private JsonNode provider(JsonNode payment, String action, Map<String, Object> body, int expectedStatus)
            throws Exception {
        var request = HttpRequest.newBuilder(URI.create(payment.get("payUrl").asText() + action));
        var sent = body == null
                ? request.GET()
                : request.header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
        var response = HttpClient.newHttpClient().send(sent.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(expectedStatus);
        return json.readTree(response.body());
    }

    private JsonNode pay(Customer customer, String orderNo, String key, int... expectedStatus) throws Exception {
        return pay(customer, orderNo, key, "wallet", expectedStatus);
    }

    private JsonNode pay(Customer customer, String orderNo, String key, String method, int... expectedStatus)
            throws Exception {
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

    private JsonNode order(Customer customer, String orderNo) throws Exception {
        return get("/api/orders/" + orderNo, customer);
    }

    private JsonNode wallet(Customer customer) throws Exception {
        return get("/api/wallet?size=100", customer);
    }

    private JsonNode payment(Customer customer, String paymentId) throws Exception {
        return get("/api/payments/" + paymentId, customer);
    }

    private JsonNode get(String path, Customer customer) throws Exception {
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

    private String checkout(Customer customer, long sku, int quantity) throws Exception {
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
    private Customer customer(String nickname) throws Exception {
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
    private void topUp(Customer customer, long cents) throws Exception {
        new Operator(discovery)
                .post(
                        "payment-service",
                        "/api/admin/wallets/" + customer.userId() + "/top-ups",
                        "{\"amountCents\":%d,\"requestId\":\"%s\"}".formatted(cents, UUID.randomUUID()),
                        200);
    }

    /** The SKU of a new product on shelf. */
    private long sku(long priceCents, int stock) throws Exception {
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

    private static <T> T valueOf(Future<T> result) {
        try {
            return result.get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private record Customer(long userId, String bearer, long addressId) {}
}
