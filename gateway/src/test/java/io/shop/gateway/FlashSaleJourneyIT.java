package io.shop.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shop.gateway.ratelimit.CommittedGatewayRules;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.cloud.client.discovery.DiscoveryClient;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A flash sale through the in-process gateway and the running services: its own route under
 * Sentinel's rules, the token check, the ticket, and the order paid like any other.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
class FlashSaleJourneyIT {

    @Autowired
    WebTestClient http;

    @Autowired
    DiscoveryClient discovery;

    @Value("${shop.zookeeper}")
    String zookeeper;

    @Value("${shop.gateway.sentinel.rules-path}")
    String rulesPath;

    private final ObjectMapper json = new ObjectMapper();
    private Storefront shop;

    /** The shop's committed rules, the per-user limit on purchases among them, at this gateway's own node. */
    @BeforeEach
    void storefrontUnderTheCommittedRules() throws Exception {
        CommittedGatewayRules.writeTo(zookeeper, rulesPath);
        shop = new Storefront(http, discovery);
    }

    @Test
    void aBuyerGetsAUnitAndPaysItsOrderFromTheWallet() throws Exception {
        long activity = activity(shop.sku(12_000, 10), 6_000, 5, 1);
        Storefront.Customer ada = shop.customer("Ada");
        shop.topUp(ada, 10_000);

        assertThat(http.get()
                        .uri("/api/flash-sales/{id}", activity)
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectBody(JsonNode.class)
                        .returnResult()
                        .getResponseBody()
                        .get("remaining")
                        .asInt())
                .isEqualTo(5);
        JsonNode ticket = body(purchase(ada, activity), 202);
        String path = "/api/flash-sales/" + activity + "/tickets/"
                + ticket.get("ticket").asText();
        JsonNode ordered = await().atMost(Duration.ofSeconds(60)).until(() -> shop.get(path, ada), t -> "ORDERED"
                .equals(t.get("status").asText()));
        String orderNo = ordered.get("orderNo").asText();
        assertThat(shop.get("/api/orders/" + orderNo, ada).get("totalCents").asLong())
                .isEqualTo(6_000);

        assertThat(shop.pay(ada, orderNo, UUID.randomUUID().toString(), 201)
                        .get("status")
                        .asText())
                .isEqualTo("SUCCEEDED");
        await().atMost(Duration.ofSeconds(60))
                .until(
                        () -> shop.get("/api/orders/" + orderNo, ada)
                                .get("status")
                                .asText(),
                        "PAID"::equals);
        JsonNode again = body(purchase(ada, activity), 409);
        assertThat(again.get("code").asText()).isEqualTo("PURCHASE_LIMIT");
    }

    @Test
    void aPurchaseWithoutATokenIsRefusedAtTheGateway() throws Exception {
        long activity = activity(shop.sku(1_000, 2), 500, 1, 1);
        var refused = http.post()
                .uri("/api/flash-sales/{id}/purchase", activity)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();
        assertThat(refused.get("status").asInt()).isEqualTo(401);
        assertThat(http.get()
                        .uri("/api/flash-sales/{id}", activity)
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectBody(JsonNode.class)
                        .returnResult()
                        .getResponseBody()
                        .get("remaining")
                        .asInt())
                .isEqualTo(1);
    }

    @Test
    void oneBuyerHammeringThePurchaseIsShedWithTooManyRequests() throws Exception {
        long activity = activity(shop.sku(1_000, 100), 500, 100, 10);
        Storefront.Customer eve = shop.customer("Eve");

        var pool = Executors.newFixedThreadPool(25);
        List<EntityExchangeResult<String>> answers = pool
                .invokeAll(IntStream.range(0, 50)
                        .mapToObj(i -> (Callable<EntityExchangeResult<String>>) () -> purchase(eve, activity))
                        .toList())
                .stream()
                .map(future -> {
                    try {
                        return future.get();
                    } catch (Exception e) {
                        throw new AssertionError(e);
                    }
                })
                .toList();
        pool.shutdown();

        List<EntityExchangeResult<String>> shed = answers.stream()
                .filter(answer -> answer.getStatus().value() == 429)
                .toList();
        assertThat(shed).isNotEmpty();
        assertThat(shed.get(0).getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER))
                .isEqualTo("1");
        assertThat(json.readTree(shed.get(0).getResponseBody()).get("code").asText())
                .isEqualTo("TOO_MANY_REQUESTS");
        assertThat(answers.stream()
                        .filter(answer -> answer.getStatus().value() == 202)
                        .count())
                .isBetween(1L, 10L);
    }

    private EntityExchangeResult<String> purchase(Storefront.Customer customer, long activity) {
        return http.post()
                .uri("/api/flash-sales/{id}/purchase", activity)
                .header(HttpHeaders.AUTHORIZATION, customer.bearer())
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .exchange()
                .expectBody(String.class)
                .returnResult();
    }

    private JsonNode body(EntityExchangeResult<String> result, int expectedStatus) throws Exception {
        assertThat(result.getStatus().value()).as(result.getResponseBody()).isEqualTo(expectedStatus);
        return json.readTree(result.getResponseBody());
    }

    /** An activity on sale from now for an hour, made by an operator at order-service. */
    private long activity(long sku, long priceCents, int quantity, int perUserLimit) throws Exception {
        return new Operator(discovery)
                .post(
                        "order-service",
                        "/api/admin/flash-sales",
                        """
                        {"skuId":%d,"flashPriceCents":%d,"quantity":%d,"perUserLimit":%d,"startsAt":"%s","endsAt":"%s"}"""
                                .formatted(
                                        sku,
                                        priceCents,
                                        quantity,
                                        perUserLimit,
                                        Instant.now().minusSeconds(1).truncatedTo(ChronoUnit.MILLIS),
                                        Instant.now().plusSeconds(3600).truncatedTo(ChronoUnit.MILLIS)),
                        201)
                .get("id")
                .asLong();
    }
}
