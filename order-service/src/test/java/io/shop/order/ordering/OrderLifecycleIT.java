package io.shop.order.ordering;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import io.shop.order.InProcessOrderService;
import io.shop.order.outbox.OrderEvent;
import io.shop.order.sharding.OrderShards;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.apache.seata.core.exception.TransactionException;
import org.apache.seata.tm.api.GlobalTransaction;
import org.apache.seata.tm.api.GlobalTransactionContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** What happens to an order after checkout: cancel, pay, ship, and the customer's history. */
class OrderLifecycleIT extends InProcessOrderService {

    @Autowired
    Orders orders;

    @Autowired
    OrderLifecycle lifecycle;

    @Autowired
    OrderNumbers numbers;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void theCustomerCancelsAnUnpaidOrderOnceAndGetsTheStockBackOnce() {
        long tea = products.sku("Sencha", 900, 10);
        long user = newUser();
        String orderNo = place(user, tea, 3);

        var cancelled = api.post("/api/orders/" + orderNo + "/cancel", user, null);
        var again = api.post("/api/orders/" + orderNo + "/cancel", user, null);

        assertThat((String) JsonPath.read(cancelled.getBody(), "$.status")).isEqualTo("CANCELLED");
        assertThat(again.getStatusCode().value()).isEqualTo(409);
        assertThat((String) JsonPath.read(again.getBody(), "$.code")).isEqualTo("ORDER_STATE_CONFLICT");
        assertThat(products.stockOf(tea)).isEqualTo(10);
    }

    @Test
    void anotherUserCannotSeeOrCancelTheOrder() {
        long tea = products.sku("Matcha", 1900, 10);
        String orderNo = place(newUser(), tea, 1);
        long stranger = newUser();

        assertThat(api.get("/api/orders/" + orderNo, stranger).getStatusCode().value())
                .isEqualTo(404);
        assertThat(api.post("/api/orders/" + orderNo + "/cancel", stranger, null)
                        .getStatusCode()
                        .value())
                .isEqualTo(404);
        assertThat(products.stockOf(tea)).isEqualTo(9);
    }

    @Test
    void theSamePaymentAgainChangesNothingAndASecondPaymentIsGivenBack() {
        long tea = products.sku("Earl grey", 800, 10);
        long user = newUser();
        String orderNo = place(user, tea, 2);
        Order placed = orders.ofUser(user, orderNo);

        OrderChange paid = lifecycle.paymentSucceeded(PaymentFixture.paymentOf(placed, "pay-1"));
        OrderChange again = lifecycle.paymentSucceeded(PaymentFixture.paymentOf(placed, "pay-1"));
        OrderChange second = lifecycle.paymentSucceeded(PaymentFixture.paymentOf(placed, "pay-2"));

        assertThat(paid.order().status()).isEqualTo(OrderStatus.PAID);
        assertThat(paid.order().paymentId()).isEqualTo("pay-1");
        assertThat(again.events()).isEmpty();
        assertThat(second.order().paymentId()).isEqualTo("pay-1");
        assertThat(second.events())
                .singleElement()
                .satisfies(event -> assertThat(event.tag()).isEqualTo("RefundRequested"))
                .satisfies(event -> assertThat(event.payload()).contains("\"paymentId\":\"pay-2\""));
        assertThat(products.stockOf(tea)).isEqualTo(8);
    }

    @Test
    void aPaymentThatReachesACancelledOrderIsGivenBack() {
        long tea = products.sku("Rooibos", 500, 10);
        long user = newUser();
        String orderNo = place(user, tea, 1);
        Order placed = orders.ofUser(user, orderNo);
        api.post("/api/orders/" + orderNo + "/cancel", user, null);

        OrderChange late = lifecycle.paymentSucceeded(PaymentFixture.paymentOf(placed, "pay-late"));

        assertThat(late.order().status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(late.events()).singleElement().satisfies(event -> assertThat(event.payload())
                .contains("\"paymentId\":\"pay-late\"")
                .contains("\"reason\":\"ORDER_CANCELLED\""));
        assertThat(products.stockOf(tea)).isEqualTo(10);
    }

    @Test
    void aPaidOrderCancelledBeforeItShipsIsRefundedOnceAndItsStockComesBackOnce() throws Exception {
        long tea = products.sku("Darjeeling", 700, 10);
        long user = newUser();
        String orderNo = place(user, tea, 3);
        pay(user, orderNo);
        assertThat(products.stockOf(tea)).isEqualTo(7);

        var pool = Executors.newFixedThreadPool(5);
        List<Future<Integer>> cancels = pool.invokeAll(IntStream.range(0, 5)
                .mapToObj(i -> (Callable<Integer>) () -> api.post("/api/orders/" + orderNo + "/cancel", user, null)
                        .getStatusCode()
                        .value())
                .toList());
        pool.shutdown();

        assertThat(cancels.stream().map(OrderLifecycleIT::valueOf)).containsOnlyOnce(200);
        assertThat(orders.ofUser(user, orderNo).status()).isEqualTo(OrderStatus.REFUNDED);
        assertThat(products.stockOf(tea)).isEqualTo(10);
    }

    @Test
    void aPaymentRacingThePaymentTimeoutEndsPaidOrCancelledWithTheMoneyBackNeverBoth() throws Exception {
        long tea = products.sku("Oolong", 300, 20);
        long user = newUser();
        var pool = Executors.newFixedThreadPool(2);
        int paid = 0;
        for (int round = 0; round < 20; round++) {
            String orderNo = place(user, tea, 1);
            Order placed = orders.ofUser(user, orderNo);
            Future<Boolean> timeout = pool.submit(() -> orders.expire(orderNo));
            Future<OrderChange> payment =
                    pool.submit(() -> lifecycle.paymentSucceeded(PaymentFixture.paymentOf(placed, "pay-" + orderNo)));

            boolean cancelled = valueOf(timeout);
            List<String> events =
                    valueOf(payment).events().stream().map(OrderEvent::tag).toList();
            OrderStatus status = orders.ofUser(user, orderNo).status();
            if (cancelled) {
                assertThat(status).isEqualTo(OrderStatus.CANCELLED);
                assertThat(events).as("the payment's money goes back").containsExactly("RefundRequested");
            } else {
                assertThat(status).isEqualTo(OrderStatus.PAID);
                assertThat(events).containsExactly("OrderPaid");
                paid++;
            }
        }
        pool.shutdown();
        assertThat(products.stockOf(tea))
                .as("a unit for each paid order, none for a cancelled one")
                .isEqualTo(20 - paid);
    }

    @Test
    void onlyAnOperatorShipsAndOnlyAPaidOrder() {
        long tea = products.sku("Chai", 600, 10);
        long user = newUser();
        String orderNo = place(user, tea, 1);
        String ship = "/api/admin/orders/" + orderNo + "/ship";

        var unpaid = api.asAdmin(HttpMethod.POST, ship);
        pay(user, orderNo);
        var byCustomer = api.post(ship, user, null);
        var shipped = api.asAdmin(HttpMethod.POST, ship);
        var completed = api.asAdmin(HttpMethod.POST, "/api/admin/orders/" + orderNo + "/complete");

        assertThat(unpaid.getStatusCode().value()).isEqualTo(409);
        assertThat(byCustomer.getStatusCode().value()).isEqualTo(403);
        assertThat((String) JsonPath.read(shipped.getBody(), "$.status")).isEqualTo("SHIPPED");
        assertThat((String) JsonPath.read(completed.getBody(), "$.status")).isEqualTo("COMPLETED");
        assertThat(api.asAdmin(HttpMethod.POST, "/api/admin/orders/0000000000000000000099/ship")
                        .getStatusCode()
                        .value())
                .isEqualTo(404);
    }

    @Test
    void anOperatorsMoveWaitsForAGlobalTransactionOnTheOrderAndIsRefusedWhileItLasts() throws Exception {
        long tea = products.sku("Lapsang", 700, 10);
        long user = newUser();
        String orderNo = place(user, tea, 1);
        pay(user, orderNo);
        String ship = "/api/admin/orders/" + orderNo + "/ship";
        String complete = "/api/admin/orders/" + orderNo + "/complete";

        Held shipping = whileAGlobalTransactionHolds(orderNo, () -> api.asAdmin(HttpMethod.POST, ship));
        var shipped = api.asAdmin(HttpMethod.POST, ship);
        Held completing = whileAGlobalTransactionHolds(orderNo, () -> api.asAdmin(HttpMethod.POST, complete));
        var completed = api.asAdmin(HttpMethod.POST, complete);

        for (Held held : List.of(shipping, completing)) {
            assertThat(held.answer().getStatusCode().value())
                    .as("%s", held.answer().getBody())
                    .isEqualTo(409);
            assertThat((String) JsonPath.read(held.answer().getBody(), "$.code"))
                    .isEqualTo("ORDER_LOCKED");
            // Seata rolled the holder's write back: nobody had written the row under it
            assertThat(held.rowAfter()).isEqualTo(held.rowBefore());
        }
        assertThat((String) JsonPath.read(shipped.getBody(), "$.status")).isEqualTo("SHIPPED");
        assertThat((String) JsonPath.read(completed.getBody(), "$.status")).isEqualTo("COMPLETED");
    }

    @Test
    void historyPagesThroughTheUsersOrdersNewestFirst() {
        long tea = products.sku("Genmaicha", 450, 20);
        long user = newUser();
        String first = place(user, tea, 1);
        String second = place(user, tea, 1);
        String third = place(user, tea, 1);

        var page0 = api.get("/api/orders?page=0&size=2", user).getBody();
        var page1 = api.get("/api/orders?page=1&size=2", user).getBody();

        assertThat((List<String>) JsonPath.read(page0, "$.items[*].orderNo")).containsExactly(third, second);
        assertThat((List<String>) JsonPath.read(page1, "$.items[*].orderNo")).containsExactly(first);
        assertThat((Integer) JsonPath.read(page0, "$.total")).isEqualTo(3);
        assertThat((List<Integer>) JsonPath.read(page0, "$.items[0].lines[*].quantity"))
                .containsExactly(1);
        assertThat(api.get("/api/orders?size=500", user).getStatusCode().value())
                .isEqualTo(400);
    }

    @Test
    void anOrderPlacedBeforeOrdersKeptTheirAddressShowsOnlyItsAddressId() {
        long user = newUser();
        String orderNo = numbers.next(user);
        int shard = OrderShards.shardOfUser(user);
        Timestamp placedAt = Timestamp.from(Instant.now().minusSeconds(3600));
        // a row as order-service wrote it before V3: no shipping_address
        shards.databaseOf(shard)
                .sql("INSERT INTO t_order_" + OrderShards.table(shard) + " (order_no, user_id, address_id, status,"
                        + " total_cents, idempotency_key, request_hash, created_at, updated_at, pay_by)"
                        + " VALUES (?, ?, ?, 'COMPLETED', 0, ?, ?, ?, ?, ?)")
                .params(
                        orderNo,
                        user,
                        addressOf(user),
                        UUID.randomUUID().toString(),
                        "0".repeat(64),
                        placedAt,
                        placedAt,
                        placedAt)
                .update();

        var order = api.get("/api/orders/" + orderNo, user);

        assertThat(order.getStatusCode().value()).isEqualTo(200);
        assertThat((Integer) JsonPath.read(order.getBody(), "$.addressId")).isEqualTo((int) addressOf(user));
        assertThat((Object) JsonPath.read(order.getBody(), "$.shippingAddress")).isNull();
    }

    /** What a call answered while a global transaction held the order, and the row before and after. */
    record Held(ResponseEntity<String> answer, Map<String, Object> rowBefore, Map<String, Object> rowAfter) {}

    /**
     * Makes the call while a global transaction of this test has written the order's row (as a
     * payment does: committed locally in phase one, still undecided globally), then rolls that
     * transaction back, which Seata can do only if nobody else wrote the row in between.
     */
    private Held whileAGlobalTransactionHolds(String orderNo, Supplier<ResponseEntity<String>> call)
            throws TransactionException {
        Map<String, Object> before = shards.order(orderNo);
        GlobalTransaction holder = GlobalTransactionContext.getCurrentOrCreate();
        holder.begin(60_000, "it-holds-an-order");
        ResponseEntity<String> answer = null;
        try {
            transactions.executeWithoutResult(status -> jdbc.sql("UPDATE t_order SET updated_at = ? WHERE order_no = ?")
                    .params(Timestamp.from(Instant.now()), orderNo)
                    .update());
            answer = call.get();
        } finally {
            if (answer != null && answer.getStatusCode().is2xxSuccessful()) {
                // the call wrote the row under the holder: rolling back would now fail on the dirty
                // row and Seata would retry that forever, so end it the one way that still works
                holder.commit();
            } else {
                holder.rollback();
            }
        }
        return new Held(answer, before, shards.order(orderNo));
    }

    private void pay(long user, String orderNo) {
        orders.paymentSucceeded(PaymentFixture.paymentOf(orders.ofUser(user, orderNo), "pay-" + orderNo));
    }

    private static <T> T valueOf(Future<T> result) {
        try {
            return result.get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private String place(long user, long skuId, int quantity) {
        var response = api.placeOrder(
                user,
                UUID.randomUUID().toString(),
                Map.of("addressId", addressOf(user), "lines", List.of(Map.of("skuId", skuId, "quantity", quantity))));
        assertThat(response.getStatusCode().value())
                .as("%s", response.getBody())
                .isEqualTo(201);
        return JsonPath.read(response.getBody(), "$.orderNo");
    }
}
