package io.shop.order.ordering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import com.jayway.jsonpath.JsonPath;
import io.shop.api.product.SkuSnapshot;
import io.shop.order.InProcessOrderService;
import io.shop.order.sharding.OrderShards;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Checkout end to end: HTTP in, product-service over Dubbo, ShardingSphere over the two order
 * databases, Seata over both services; asserted in the physical tables.
 */
class CheckoutIT extends InProcessOrderService {

    @Autowired
    Orders orders;

    @Test
    void ordersLandInTheTableOfTheUsersShardAndAreFoundByOrderNumberAlone() {
        long tea = products.sku("Green tea", 850, 100);
        for (int shard : new int[] {0, 5, 14}) {
            long user = userInShard(shard);

            String orderNo = orderNo(placeOrder(user, key(), tea, 2));

            assertThat(orderNo).endsWith("%02d".formatted(shard));
            int db = OrderShards.database(shard);
            int table = OrderShards.table(shard);
            assertThat(shards.rowsIn(db, table, "t_order", orderNo)).isEqualTo(1);
            assertThat(shards.rowsIn(db, table, "t_order_item", orderNo)).isEqualTo(1);
            assertThat(shards.rowsEverywhere("t_order", orderNo)).isEqualTo(1);
            assertThat(api.get("/api/orders/" + orderNo, user).getStatusCode()).isEqualTo(HttpStatus.OK);
            // another user, same shard bits: the order exists in that very table, and is not theirs
            assertThat(api.get("/api/orders/" + orderNo, userInShard(shard)).getStatusCode())
                    .isEqualTo(HttpStatus.NOT_FOUND);
            // the operator's route knows only the order number
            orders.paymentSucceeded(PaymentFixture.paymentOf(orders.ofUser(user, orderNo), "pay-" + orderNo));
            var shipped = api.asAdmin(HttpMethod.POST, "/api/admin/orders/" + orderNo + "/ship");
            assertThat(shipped.getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat((String) JsonPath.read(shipped.getBody(), "$.status")).isEqualTo("SHIPPED");
        }
        assertThat(products.stockOf(tea)).isEqualTo(100 - 3 * 2);
    }

    @Test
    void aFailureAfterTheReservationLeavesNoRowsInAnyShardAndTheStockUnchanged() {
        long cup = products.sku("Tea cup", 1299, 5);
        FAIL_AFTER_RESERVING.add(cup);
        long user = newUser();
        try {
            var response = placeOrder(user, key(), cup, 3);

            assertThat(response.getStatusCode().is5xxServerError()).isTrue();
        } finally {
            FAIL_AFTER_RESERVING.remove(cup);
        }
        assertThat(products.stockOf(cup)).isEqualTo(5);
        assertThat(ordersOf(user)).isZero();
    }

    @Test
    void fiftyConcurrentCheckoutsForTenInStockNeverOversellAndEveryUnitComesBackOnce() throws Exception {
        long kettle = products.sku("Kettle", 2500, 10);
        List<Long> users = IntStream.range(0, 50).mapToObj(i -> newUser()).toList();

        List<ResponseEntity<String>> responses = concurrently(users.stream()
                .map(user -> (Callable<ResponseEntity<String>>) () -> placeOrder(user, key(), kettle, 1))
                .toList());

        // the it profile's payment timeout is seconds, shorter than fifty checkouts take on a slow
        // machine: an order that timed out meanwhile gave its unit back, and another buyer got it
        List<String> placed = responses.stream()
                .filter(r -> r.getStatusCode() == HttpStatus.CREATED)
                .map(CheckoutIT::orderNo)
                .toList();
        assertThat(placed).hasSizeGreaterThanOrEqualTo(10);
        assertThat(responses.stream()
                        .filter(r -> r.getStatusCode() != HttpStatus.CREATED)
                        .map(r -> (String) JsonPath.read(r.getBody(), "$.code")))
                .hasSize(50 - placed.size())
                .allMatch("OUT_OF_STOCK"::equals);
        assertThat(users.stream().mapToInt(this::ordersOf).sum()).isEqualTo(placed.size());
        // once every unpaid order timed out, each gave its unit back exactly once
        await().atMost(Duration.ofSeconds(60))
                .until(() -> placed.stream().allMatch(orderNo -> "CANCELLED".equals(shards.status(orderNo)))
                        && products.stockOf(kettle) == 10);
        assertThat(products.stockOf(kettle)).isEqualTo(10);
    }

    @Test
    void theSameIdempotencyKeySentFiveTimesAtOnceMakesOneOrder() throws Exception {
        long pot = products.sku("Tea pot", 3900, 20);
        long user = newUser();
        String key = key();

        List<ResponseEntity<String>> responses = concurrently(IntStream.range(0, 5)
                .mapToObj(i -> (Callable<ResponseEntity<String>>) () -> placeOrder(user, key, pot, 2))
                .toList());

        assertThat(responses).allMatch(r -> r.getStatusCode().is2xxSuccessful());
        assertThat(responses.stream().filter(r -> r.getStatusCode() == HttpStatus.CREATED))
                .hasSize(1);
        assertThat(responses.stream().map(CheckoutIT::orderNo).distinct()).hasSize(1);
        assertThat(ordersOf(user)).isEqualTo(1);
        assertThat(products.stockOf(pot)).isEqualTo(18);
    }

    @Test
    void theSameKeyWithAnotherBodyIsRefusedAndOrdersNothing() {
        long pot = products.sku("Tea pot", 3900, 20);
        long user = newUser();
        String key = key();
        String first = orderNo(placeOrder(user, key, pot, 1));

        var again = placeOrder(user, key, pot, 1);
        var other = placeOrder(user, key, pot, 2);

        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(orderNo(again)).isEqualTo(first);
        assertThat(other.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat((String) JsonPath.read(other.getBody(), "$.code")).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(products.stockOf(pot)).isEqualTo(19);
    }

    @Test
    void theWholeCartIsOrderedAndLeavesTheCartOnlyWhenTheOrderCommitted() {
        long tea = products.sku("Black tea", 700, 10);
        long cup = products.sku("Glass cup", 1500, 1);
        long user = newUser();
        api.post("/api/cart/items", user, Map.of("skuId", tea, "quantity", 2));
        api.post("/api/cart/items", user, Map.of("skuId", cup, "quantity", 2));

        var refused = api.placeOrder(user, key(), Map.of("addressId", addressOf(user)));

        assertThat((String) JsonPath.read(refused.getBody(), "$.code")).isEqualTo("OUT_OF_STOCK");
        assertThat(cartSkus(user)).containsExactlyInAnyOrder(tea, cup);
        assertThat(products.stockOf(tea)).isEqualTo(10);

        api.put("/api/cart/items/" + cup, user, Map.of("quantity", 1));
        var placed = api.placeOrder(user, key(), Map.of("addressId", addressOf(user)));

        assertThat(placed.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat((Integer) JsonPath.read(placed.getBody(), "$.totalCents")).isEqualTo(2 * 700 + 1500);
        assertThat(cartSkus(user)).isEmpty();
        assertThat(products.stockOf(tea)).isEqualTo(8);
        assertThat(products.stockOf(cup)).isZero();
    }

    @Test
    void badRequestsNameTheFieldOrCodeAndReserveNothing() {
        long tea = products.sku("White tea", 990, 5);
        long user = newUser();

        assertProblem(api.placeOrder(user, null, order(user, tea, 1)), 400, "IDEMPOTENCY_KEY_REQUIRED");
        assertField(api.placeOrder(user, key(), Map.of("addressId", addressOf(user), "lines", List.of())), "lines");
        assertField(api.placeOrder(user, key(), order(user, tea, 0)), "lines[0].quantity");
        assertField(api.placeOrder(user, key(), order(user, tea, 100)), "lines[0].quantity");
        assertField(api.placeOrder(user, key(), Map.of("lines", List.of(line(tea, 1)))), "addressId");
        assertProblem(api.placeOrder(user, key(), order(user, Long.MAX_VALUE, 1)), 422, "SKU_NOT_FOUND");
        assertProblem(api.placeOrder(user, key(), Map.of("addressId", addressOf(user))), 422, "CART_EMPTY");
        assertProblem(
                api.placeOrder(
                        user,
                        key(),
                        Map.of(
                                "addressId",
                                addressOf(user),
                                "lines",
                                List.of(Map.of("skuId", tea, "quantity", 1, "expectedUnitPriceCents", 1)))),
                409,
                "PRICE_CHANGED");

        assertThat(products.stockOf(tea)).isEqualTo(5);
        assertThat(ordersOf(user)).isZero();
    }

    @Test
    void anotherUsersAddressIsRefusedBeforeAnythingIsReserved() {
        long tea = products.sku("Oolong", 1100, 5);
        long buyer = newUser();
        long someoneElse = newUser();
        api.post("/api/cart/items", buyer, Map.of("skuId", tea, "quantity", 1));

        List<ResponseEntity<String>> refused = List.of(
                api.placeOrder(
                        buyer, key(), Map.of("addressId", addressOf(someoneElse), "lines", List.of(line(tea, 2)))),
                api.placeOrder(buyer, key(), Map.of("addressId", addressOf(someoneElse))),
                api.placeOrder(buyer, key(), Map.of("addressId", Long.MAX_VALUE, "lines", List.of(line(tea, 2)))));

        assertThat(refused).allSatisfy(response -> {
            assertProblem(response, 422, "ADDRESS_NOT_FOUND");
            assertThat((String) JsonPath.read(response.getBody(), "$.detail")).startsWith("addressId: ");
        });
        assertThat(products.stockOf(tea)).isEqualTo(5);
        assertThat(ordersOf(buyer)).isZero();
        assertThat(cartSkus(buyer)).containsExactly(tea);
        assertThat(orderNo(placeOrder(someoneElse, key(), tea, 2))).isNotBlank();
        assertThat(products.stockOf(tea)).isEqualTo(3);
    }

    @Test
    void aSkuWithTheLongestTitleAndSpecsTheCatalogAllowsCanBeOrdered() {
        // product-service's admin API: a title of 200 characters, 5 specs, names of 30, values of 50
        Map<String, String> specs = new LinkedHashMap<>();
        for (int i = 0; i < 5; i++) {
            specs.put(i + "規".repeat(29), i + "格".repeat(49));
        }
        String title = "茶".repeat(200);
        long sku = products.skuWith(title, specs, 990, 5);
        long user = newUser();

        var placed = placeOrder(user, key(), sku, 1);

        assertThat(placed.getStatusCode()).as("%s", placed.getBody()).isEqualTo(HttpStatus.CREATED);
        var order = api.get("/api/orders/" + orderNo(placed), user).getBody();
        assertThat((String) JsonPath.read(order, "$.lines[0].title")).isEqualTo(title);
        assertThat((String) JsonPath.read(order, "$.lines[0].specs"))
                .isEqualTo(String.join(" / ", specs.values()))
                .hasSize(5 * 50 + 4 * 3);
        assertThat(products.stockOf(sku)).isEqualTo(4);
    }

    @Test
    void anIntegrityFailureOtherThanTheIdempotencyKeyFailsAtOnceInsteadOfBeingRetried() {
        long tea = products.sku("Negative tea", 500, 5);
        long user = newUser();
        // a price product-service never sends: the order's CHECK (total_cents >= 0) refuses it, an
        // integrity failure that no retry can cure and that is no race for the key
        doAnswer(call -> {
                    SkuSnapshot real = ((Map<Long, SkuSnapshot>) call.callRealMethod()).get(tea);
                    return Map.of(
                            tea,
                            new SkuSnapshot(
                                    tea,
                                    real.productId(),
                                    real.title(),
                                    real.specs(),
                                    -1,
                                    real.stock(),
                                    real.onShelf()));
                })
                .when(catalog)
                .skus(List.of(tea));

        var refused = placeOrder(user, key(), tea, 1);

        assertThat(refused.getStatusCode().is5xxServerError())
                .as("%s", refused.getBody())
                .isTrue();
        verify(catalog, times(1)).skus(List.of(tea));
        assertThat(products.stockOf(tea)).isEqualTo(5);
        assertThat(ordersOf(user)).isZero();
    }

    @Test
    void anOrderShipsToTheAddressAsItReadAtCheckoutWhenTheAddressIsEditedOrRemoved() {
        long tea = products.sku("Travelling tea", 800, 5);
        long user = newUser();
        long address = addressOf(user);
        String orderNo = orderNo(placeOrder(user, key(), tea, 1));

        accounts.changeAddress(
                user,
                address,
                Map.of(
                        "recipient", "Someone Else",
                        "phone", "+8613900139000",
                        "province", "Guangdong",
                        "city", "Shenzhen",
                        "line1", "9 Elsewhere Ave",
                        "postcode", "518000"));
        String afterTheEdit = api.get("/api/orders/" + orderNo, user).getBody();
        accounts.removeAddress(user, address);
        String afterTheRemoval = api.get("/api/orders/" + orderNo, user).getBody();
        String history = api.get("/api/orders", user).getBody();

        for (String order : List.of(afterTheEdit, afterTheRemoval)) {
            assertThat((Integer) JsonPath.read(order, "$.addressId")).isEqualTo((int) address);
            assertThat((Map<String, Object>) JsonPath.read(order, "$.shippingAddress"))
                    .containsEntry("id", (int) address)
                    .containsEntry("recipient", "Order Tester")
                    .containsEntry("phone", "+8613800138000")
                    .containsEntry("province", "Zhejiang")
                    .containsEntry("city", "Hangzhou")
                    .containsEntry("district", "Xihu")
                    .containsEntry("line1", user + " Test Road")
                    .containsEntry("postcode", "310000");
        }
        assertThat((String) JsonPath.read(history, "$.items[0].shippingAddress.line1"))
                .isEqualTo(user + " Test Road");
        // the address is gone from the book: a new order to it is refused
        assertThat(placeOrder(user, key(), tea, 1).getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
    }

    private ResponseEntity<String> placeOrder(long user, String key, long skuId, int quantity) {
        return api.placeOrder(user, key, order(user, skuId, quantity));
    }

    private Map<String, Object> order(long user, long skuId, int quantity) {
        return Map.of("addressId", addressOf(user), "lines", List.of(line(skuId, quantity)));
    }

    private static Map<String, Object> line(long skuId, int quantity) {
        return Map.of("skuId", skuId, "quantity", quantity);
    }

    private List<Long> cartSkus(long user) {
        List<Number> ids = JsonPath.read(api.get("/api/cart", user).getBody(), "$.items[*].skuId");
        return ids.stream().map(Number::longValue).toList();
    }

    private int ordersOf(long user) {
        int shard = OrderShards.shardOfUser(user);
        return shards.database(OrderShards.database(shard))
                .sql("SELECT COUNT(*) FROM t_order_" + OrderShards.table(shard) + " WHERE user_id = ?")
                .param(user)
                .query(Integer.class)
                .single();
    }

    private static String orderNo(ResponseEntity<String> response) {
        assertThat(response.getStatusCode().is2xxSuccessful())
                .as("%s", response.getBody())
                .isTrue();
        return JsonPath.read(response.getBody(), "$.orderNo");
    }

    private static void assertProblem(ResponseEntity<String> response, int status, String code) {
        assertThat(response.getStatusCode().value())
                .as("%s", response.getBody())
                .isEqualTo(status);
        assertThat((String) JsonPath.read(response.getBody(), "$.code")).isEqualTo(code);
    }

    private static void assertField(ResponseEntity<String> response, String field) {
        assertThat(response.getStatusCode().value())
                .as("%s", response.getBody())
                .isEqualTo(400);
        assertThat((List<String>) JsonPath.read(response.getBody(), "$.errors[*].field"))
                .contains(field);
    }

    private static String key() {
        return UUID.randomUUID().toString();
    }

    private static <T> List<T> concurrently(List<Callable<T>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        try {
            List<Future<T>> futures = pool.invokeAll(calls);
            return futures.stream()
                    .map(f -> {
                        try {
                            return f.get();
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    })
                    .toList();
        } finally {
            pool.shutdown();
        }
    }
}
