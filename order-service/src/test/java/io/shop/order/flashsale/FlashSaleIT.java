package io.shop.order.flashsale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.JsonPath;
import io.shop.order.InProcessOrderService;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Flash sales end to end on the in-process order-service: the activity through product-service
 * (its stock moved out of the SKU), purchases decided in Redis, accepted buys through RocketMQ,
 * orders in the sharded tables, reconciliation over all three.
 */
class FlashSaleIT extends InProcessOrderService {

    private static final Duration EVENTUALLY = Duration.ofSeconds(90);

    @Test
    void anUnpaidFlashSaleOrderThatTimesOutGivesItsUnitBackToTheSale() {
        long sku = products.sku("Flash teapot", 5_000, 3);
        long activity = activity(
                sku, 2_500, 1, 1, Instant.now().minusSeconds(1), Instant.now().plusSeconds(3600));
        long first = newUser();
        String ticket = ticketOf(purchase(activity, first, UUID.randomUUID().toString()));
        assertThat(purchase(activity, newUser(), UUID.randomUUID().toString()).getStatusCode())
                .isEqualTo(HttpStatus.GONE);

        // the it profile's payment timeout is seconds: the order is cancelled, its unit returns
        await().atMost(EVENTUALLY)
                .until(() -> ordersOf(activity).stream().anyMatch(row -> "CANCELLED".equals(row.get("status"))));
        await().atMost(EVENTUALLY)
                .until(() -> (int) JsonPath.read(
                                api.get("/api/flash-sales/" + activity, first).getBody(), "$.remaining")
                        == 1);
        assertThat((String) JsonPath.read(
                        api.get("/api/flash-sales/" + activity + "/tickets/" + ticket, first)
                                .getBody(),
                        "$.status"))
                .isEqualTo("ORDERED");

        long second = newUser();
        ticketOf(purchase(activity, second, UUID.randomUUID().toString()));
        await().atMost(EVENTUALLY).until(() -> ordersOf(activity).size() == 2);
        assertThat(products.stockOf(sku)).isEqualTo(2);
        await().atMost(EVENTUALLY).untilAsserted(() -> assertReconciles(activity, 0, 1));
    }

    @Test
    void aBuyerWithoutAnAddressGetsAFailedTicketAndTheUnitGoesBack() {
        long sku = products.sku("Flash mug", 1_000, 5);
        long activity = activity(
                sku, 500, 1, 1, Instant.now().minusSeconds(1), Instant.now().plusSeconds(3600));
        long buyer = newUser();
        accounts.removeAddress(buyer, addressOf(buyer));

        String ticket = ticketOf(purchase(activity, buyer, UUID.randomUUID().toString()));

        String path = "/api/flash-sales/" + activity + "/tickets/" + ticket;
        await().atMost(EVENTUALLY)
                .until(() -> JsonPath.read(api.get(path, buyer).getBody(), "$.status"), "FAILED"::equals);
        assertThat((String) JsonPath.read(api.get(path, buyer).getBody(), "$.code"))
                .isEqualTo("NO_SHIPPING_ADDRESS");
        assertThat((int) JsonPath.read(
                        api.get("/api/flash-sales/" + activity, buyer).getBody(), "$.remaining"))
                .isEqualTo(1);
        assertThat(ordersOf(activity)).isEmpty();
        assertReconciles(activity, 1, 0);
    }

    @Test
    void purchasesAreRefusedAtOnceWithTheReasonAndTheSameKeyAnswersTheSameTicket() {
        long sku = products.sku("Flash cup", 800, 10);
        long later = activity(
                sku, 400, 2, 1, Instant.now().plusSeconds(3600), Instant.now().plusSeconds(7200));
        long open = activity(
                sku, 400, 2, 1, Instant.now().minusSeconds(1), Instant.now().plusSeconds(3600));
        long buyer = newUser();

        assertProblem(purchase(later, buyer, "k-" + UUID.randomUUID()), HttpStatus.CONFLICT, "FLASH_SALE_NOT_STARTED");
        String key = "k-" + UUID.randomUUID();
        String ticket = ticketOf(purchase(open, buyer, key));
        ResponseEntity<String> again = purchase(open, buyer, key);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat((String) JsonPath.read(again.getBody(), "$.ticket")).isEqualTo(ticket);
        assertProblem(purchase(open, buyer, "k-" + UUID.randomUUID()), HttpStatus.CONFLICT, "PURCHASE_LIMIT");
        ticketOf(purchase(open, newUser(), "k-" + UUID.randomUUID()));
        assertProblem(purchase(open, newUser(), "k-" + UUID.randomUUID()), HttpStatus.GONE, "SOLD_OUT");

        assertProblem(
                purchase(987_654_321L, buyer, "k-" + UUID.randomUUID()), HttpStatus.NOT_FOUND, "FLASH_SALE_NOT_FOUND");
        assertProblem(
                api.call(HttpMethod.POST, "/api/flash-sales/" + open + "/purchase", buyer, "customer", null, null),
                HttpStatus.BAD_REQUEST,
                "IDEMPOTENCY_KEY_REQUIRED");
        assertThat(api.anonymous(HttpMethod.POST, "/api/flash-sales/" + open + "/purchase")
                        .getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(api.get("/api/flash-sales/" + open + "/tickets/" + ticket, newUser())
                        .getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(api.anonymous(HttpMethod.GET, "/api/flash-sales/" + open).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(JsonPath.<List<Integer>>read(
                        api.anonymous(HttpMethod.GET, "/api/flash-sales").getBody(), "$[*].id"))
                .contains((int) later, (int) open);
    }

    @Test
    void anActivityOutOfRangeIsRefusedNamingTheFieldAndTakesNoStock() {
        long sku = products.sku("Flash pot", 3_000, 10);
        Instant start = Instant.now();
        Instant end = start.plusSeconds(600);

        assertInvalid(create(sku, 1_500, 0, 1, start, end), "quantity");
        assertInvalid(create(sku, 1_500, 5, 11, start, end), "perUserLimit");
        assertInvalid(create(sku, 0, 5, 1, start, end), "flashPriceCents");
        assertInvalid(create(sku, 3_001, 5, 1, start, end), "flashPriceCents");
        assertInvalid(create(sku, 1_500, 5, 1, end, start), "endsAt");
        assertProblem(create(sku, 1_500, 11, 1, start, end), HttpStatus.CONFLICT, "OUT_OF_STOCK");
        assertProblem(create(987_654_321L, 1_500, 1, 1, start, end), HttpStatus.NOT_FOUND, "SKU_NOT_FOUND");
        Map<String, Object> valid = Map.of(
                "skuId",
                sku,
                "flashPriceCents",
                1_500,
                "quantity",
                1,
                "perUserLimit",
                1,
                "startsAt",
                start.toString(),
                "endsAt",
                end.toString());
        assertThat(api.call(HttpMethod.POST, "/api/admin/flash-sales", 7, "customer", null, valid)
                        .getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(products.stockOf(sku)).isEqualTo(10);
    }

    private long activity(long sku, long priceCents, int quantity, int limit, Instant start, Instant end) {
        ResponseEntity<String> created = create(sku, priceCents, quantity, limit, start, end);
        assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(HttpStatus.CREATED);
        return ((Number) JsonPath.read(created.getBody(), "$.id")).longValue();
    }

    private ResponseEntity<String> create(
            long sku, long priceCents, int quantity, int limit, Instant start, Instant end) {
        return api.asAdmin(
                HttpMethod.POST,
                "/api/admin/flash-sales",
                Map.of(
                        "skuId", sku,
                        "flashPriceCents", priceCents,
                        "quantity", quantity,
                        "perUserLimit", limit,
                        "startsAt", start.truncatedTo(ChronoUnit.MILLIS).toString(),
                        "endsAt", end.truncatedTo(ChronoUnit.MILLIS).toString()));
    }

    private ResponseEntity<String> purchase(long activity, long buyer, String key) {
        return api.call(HttpMethod.POST, "/api/flash-sales/" + activity + "/purchase", buyer, "customer", key, null);
    }

    private static String ticketOf(ResponseEntity<String> response) {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.ACCEPTED);
        return JsonPath.read(response.getBody(), "$.ticket");
    }

    private List<Map<String, Object>> ordersOf(long activity) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int db = 0; db < 2; db++) {
            for (int table = 0; table < io.shop.order.sharding.OrderShards.TABLES_PER_DATABASE; table++) {
                rows.addAll(shards.database(db)
                        .sql("SELECT order_no, user_id, status, total_cents FROM t_order_" + table
                                + " WHERE flash_sale_id = ?")
                        .param(activity)
                        .query()
                        .listOfRows());
            }
        }
        return rows;
    }

    private void assertReconciles(long activity, int remaining, int ordered) {
        ResponseEntity<String> report =
                api.asAdmin(HttpMethod.GET, "/api/admin/flash-sales/" + activity + "/reconciliation");
        assertThat(report.getStatusCode()).as(report.getBody()).isEqualTo(HttpStatus.OK);
        assertThat((int) JsonPath.read(report.getBody(), "$.difference"))
                .as(report.getBody())
                .isZero();
        assertThat((int) JsonPath.read(report.getBody(), "$.remaining")).isEqualTo(remaining);
        assertThat((int) JsonPath.read(report.getBody(), "$.ordered")).isEqualTo(ordered);
        assertThat((int) JsonPath.read(report.getBody(), "$.inFlight")).isZero();
        assertThat(JsonPath.<List<Object>>read(report.getBody(), "$.findings")).isEmpty();
    }

    private static void assertProblem(ResponseEntity<String> response, HttpStatus status, String code) {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(status);
        assertThat((String) JsonPath.read(response.getBody(), "$.code")).isEqualTo(code);
    }

    private static void assertInvalid(ResponseEntity<String> response, String field) {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody()).contains(field);
    }
}
