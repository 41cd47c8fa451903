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
import org.junit.jupiter.api.BeforeEach;
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

    private static final Duration EVENTUALLY = Duration.ofSeconds(60);

    @Autowired
    WebTestClient http;

    @Autowired
    DiscoveryClient discovery;

    private final ObjectMapper json = new ObjectMapper();

    private Storefront shop;

    @BeforeEach
    void storefront() {
        shop = new Storefront(http, discovery);
    }

    @Test
    void aWalletPaymentPaysTheOrderOnceEvenWhenSentFiveTimesAtOnce() throws Exception {
        Storefront.Customer ada = shop.customer("Ada");
        long sku = shop.sku(1250, 5);
        shop.topUp(ada, 10_000);
        String orderNo = shop.checkout(ada, sku, 2);
        String key = UUID.randomUUID().toString();

        var pool = Executors.newFixedThreadPool(5);
        List<Future<JsonNode>> answers = pool.invokeAll(IntStream.range(0, 5)
                .mapToObj(i -> (Callable<JsonNode>) () -> shop.pay(ada, orderNo, key, 200, 201))
                .toList());
        pool.shutdown();

        List<String> paymentIds = answers.stream()
                .map(answer -> valueOf(answer).get("paymentId").asText())
                .distinct()
                .toList();
        assertThat(paymentIds).hasSize(1);
        await().atMost(EVENTUALLY)
                .until(() -> shop.order(ada, orderNo).get("status").asText().equals("PAID"));
        JsonNode order = shop.order(ada, orderNo);
        assertThat(order.get("paymentId").asText()).isEqualTo(paymentIds.get(0));
        JsonNode wallet = shop.wallet(ada);
        assertThat(wallet.get("balanceCents").asLong()).isEqualTo(10_000 - 2_500);
        assertThat(wallet.get("entries"))
                .extracting(entry -> entry.get("journal").asText() + "="
                        + entry.get("amountCents").asLong())
                .containsOnlyOnce("payment:" + paymentIds.get(0) + "=-2500");
    }

    @Test
    void cancellingAPaidOrderRefundsTheWalletOnce() throws Exception {
        Storefront.Customer bob = shop.customer("Bob");
        long sku = shop.sku(900, 5);
        shop.topUp(bob, 5_000);
        String orderNo = shop.checkout(bob, sku, 3);
        String paymentId = shop.pay(bob, orderNo, UUID.randomUUID().toString(), 201)
                .get("paymentId")
                .asText();
        await().atMost(EVENTUALLY)
                .until(() -> shop.order(bob, orderNo).get("status").asText().equals("PAID"));

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
        assertThat(shop.order(bob, orderNo).get("status").asText()).isEqualTo("REFUNDED");
        await().atMost(EVENTUALLY)
                .pollInterval(Duration.ofMillis(300))
                .until(() -> shop.wallet(bob).get("balanceCents").asLong() == 5_000);
        assertThat(shop.wallet(bob).get("entries"))
                .extracting(entry -> entry.get("journal").asText())
                .containsOnlyOnce("refund:" + paymentId);
        assertThat(shop.payment(bob, paymentId).get("status").asText()).isEqualTo("REFUNDED");
    }

    @Test
    void anOperatorCancellingAPaidOrderRefundsTheWallet() throws Exception {
        Storefront.Customer hana = shop.customer("Hana");
        long sku = shop.sku(1_100, 5);
        shop.topUp(hana, 4_000);
        String orderNo = shop.checkout(hana, sku, 2);
        String paymentId = shop.pay(hana, orderNo, UUID.randomUUID().toString(), 201)
                .get("paymentId")
                .asText();
        await().atMost(EVENTUALLY)
                .until(() -> shop.order(hana, orderNo).get("status").asText().equals("PAID"));

        JsonNode cancelled =
                new Operator(discovery).post("order-service", "/api/admin/orders/" + orderNo + "/cancel", "", 200);

        assertThat(cancelled.get("status").asText()).isEqualTo("REFUNDED");
        await().atMost(EVENTUALLY)
                .until(() ->
                        shop.payment(hana, paymentId).get("status").asText().equals("REFUNDED"));
        assertThat(shop.wallet(hana).get("balanceCents").asLong()).isEqualTo(4_000);
    }

    @Test
    void aShortWalletTakesNothingAndAnotherUsersOrderIsNotFound() throws Exception {
        Storefront.Customer carol = shop.customer("Carol");
        Storefront.Customer dave = shop.customer("Dave");
        long sku = shop.sku(4_000, 5);
        shop.topUp(carol, 3_000);
        String orderNo = shop.checkout(carol, sku, 1);

        JsonNode shortOfMoney = shop.pay(carol, orderNo, UUID.randomUUID().toString(), 409);
        JsonNode strangers = shop.pay(dave, orderNo, UUID.randomUUID().toString(), 404);
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
        assertThat(shop.wallet(carol).get("balanceCents").asLong()).isEqualTo(3_000);
        assertThat(shop.order(carol, orderNo).get("status").asText()).isEqualTo("CREATED");
    }

    @Test
    void aProviderPaymentPaysOnceThoughItsCallbackIsReplayedReorderedAndTamperedWith() throws Exception {
        Storefront.Customer erin = shop.customer("Erin");
        long sku = shop.sku(1_990, 5);
        String orderNo = shop.checkout(erin, sku, 1);
        String key = UUID.randomUUID().toString();
        JsonNode pending = shop.pay(erin, orderNo, key, "provider", 201);
        assertThat(pending.get("status").asText()).isEqualTo("PENDING");
        assertThat(shop.pay(erin, orderNo, key, "provider", 200).get("payUrl").asText())
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
                .until(() -> shop.order(erin, orderNo).get("status").asText().equals("PAID"));
        assertThat(shop.order(erin, orderNo).get("paymentId").asText()).isEqualTo(paymentId);
        JsonNode payment = shop.payment(erin, paymentId);
        assertThat(payment.get("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(payment.has("payUrl")).isFalse();
    }

    @Test
    void aDeclinedProviderPaymentLeavesTheOrderUnpaidAndACallbackSignedLongAgoIsRefused() throws Exception {
        Storefront.Customer finn = shop.customer("Finn");
        long sku = shop.sku(700, 5);
        String orderNo = shop.checkout(finn, sku, 1);
        JsonNode pending = shop.pay(finn, orderNo, UUID.randomUUID().toString(), "provider", 201);

        provider(pending, "", Map.of("outcome", "fail", "stale", true), 202);

        String paymentId = pending.get("paymentId").asText();
        await().atMost(EVENTUALLY)
                .until(() ->
                        shop.payment(finn, paymentId).get("status").asText().equals("FAILED"));
        JsonNode deliveries = await().atMost(EVENTUALLY)
                .until(() -> provider(pending, "/deliveries", null, 200), answered -> answered.size() >= 3);
        assertThat(deliveries)
                .extracting(
                        d -> d.get("variant").asText() + " " + d.get("status").asInt())
                .containsExactlyInAnyOrder("HONEST 204", "HONEST 204", "STALE 401");
        assertThat(shop.order(finn, orderNo).get("status").asText()).isEqualTo("CREATED");
        // the customer may try again, with a new key
        assertThat(shop.pay(finn, orderNo, UUID.randomUUID().toString(), "provider", 201)
                        .get("status")
                        .asText())
                .isEqualTo("PENDING");
    }

    @Test
    void cancellingAnOrderPaidThroughTheProviderRefundsItThereOnce() throws Exception {
        Storefront.Customer gwen = shop.customer("Gwen");
        long sku = shop.sku(2_500, 5);
        String orderNo = shop.checkout(gwen, sku, 2);
        JsonNode pending = shop.pay(gwen, orderNo, UUID.randomUUID().toString(), "provider", 201);
        provider(pending, "", Map.of("outcome", "succeed"), 202);
        await().atMost(EVENTUALLY)
                .until(() -> shop.order(gwen, orderNo).get("status").asText().equals("PAID"));

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
                .until(() ->
                        shop.payment(gwen, paymentId).get("status").asText().equals("REFUNDED"));
        assertThat(provider(pending, "", null, 200).get("status").asText()).isEqualTo("REFUNDED");
        assertThat(shop.order(gwen, orderNo).get("status").asText()).isEqualTo("REFUNDED");
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

    private static <T> T valueOf(Future<T> result) {
        try {
            return result.get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
