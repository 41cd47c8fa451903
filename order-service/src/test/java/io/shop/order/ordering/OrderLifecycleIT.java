package io.shop.order.ordering;

import static io.shop.order.TestAccounts.addressOf;
import static io.shop.order.TestCatalog.sku;
import static io.shop.order.TestCatalog.stockOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import io.shop.order.InProcessOrderService;
import io.shop.order.outbox.OrderEvent;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;

/** What happens to an order after checkout: cancel, pay, ship, and the customer's history. */
class OrderLifecycleIT extends InProcessOrderService {

    @Autowired
    Orders orders;

    @Autowired
    OrderLifecycle lifecycle;

    @Test
    void theCustomerCancelsAnUnpaidOrderOnceAndGetsTheStockBackOnce() {
        long tea = sku("Sencha", 900, 10);
        long user = newUser();
        String orderNo = place(user, tea, 3);

        var cancelled = api.post("/api/orders/" + orderNo + "/cancel", user, null);
        var again = api.post("/api/orders/" + orderNo + "/cancel", user, null);

        assertThat((String) JsonPath.read(cancelled.getBody(), "$.status")).isEqualTo("CANCELLED");
        assertThat(again.getStatusCode().value()).isEqualTo(409);
        assertThat((String) JsonPath.read(again.getBody(), "$.code")).isEqualTo("ORDER_STATE_CONFLICT");
        assertThat(stockOf(tea)).isEqualTo(10);
    }

    @Test
    void anotherUserCannotSeeOrCancelTheOrder() {
        long tea = sku("Matcha", 1900, 10);
        String orderNo = place(newUser(), tea, 1);
        long stranger = newUser();

        assertThat(api.get("/api/orders/" + orderNo, stranger).getStatusCode().value())
                .isEqualTo(404);
        assertThat(api.post("/api/orders/" + orderNo + "/cancel", stranger, null)
                        .getStatusCode()
                        .value())
                .isEqualTo(404);
        assertThat(stockOf(tea)).isEqualTo(9);
    }

    @Test
    void theSamePaymentAgainChangesNothingAndASecondPaymentIsGivenBack() {
        long tea = sku("Earl grey", 800, 10);
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
        assertThat(stockOf(tea)).isEqualTo(8);
    }

    @Test
    void aPaymentThatReachesACancelledOrderIsGivenBack() {
        long tea = sku("Rooibos", 500, 10);
        long user = newUser();
        String orderNo = place(user, tea, 1);
        Order placed = orders.ofUser(user, orderNo);
        api.post("/api/orders/" + orderNo + "/cancel", user, null);

        OrderChange late = lifecycle.paymentSucceeded(PaymentFixture.paymentOf(placed, "pay-late"));

        assertThat(late.order().status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(late.events()).singleElement().satisfies(event -> assertThat(event.payload())
                .contains("\"paymentId\":\"pay-late\"")
                .contains("\"reason\":\"ORDER_CANCELLED\""));
        assertThat(stockOf(tea)).isEqualTo(10);
    }

    @Test
    void aPaidOrderCancelledBeforeItShipsIsRefundedOnceAndItsStockComesBackOnce() throws Exception {
        long tea = sku("Darjeeling", 700, 10);
        long user = newUser();
        String orderNo = place(user, tea, 3);
        orders.paymentSucceeded(PaymentFixture.paymentOf(orders.ofUser(user, orderNo), "pay-" + orderNo));
        assertThat(stockOf(tea)).isEqualTo(7);

        var pool = Executors.newFixedThreadPool(5);
        List<Future<Integer>> cancels = pool.invokeAll(IntStream.range(0, 5)
                .mapToObj(i -> (Callable<Integer>) () -> api.post("/api/orders/" + orderNo + "/cancel", user, null)
                        .getStatusCode()
                        .value())
                .toList());
        pool.shutdown();

        assertThat(cancels.stream().map(OrderLifecycleIT::valueOf)).containsOnlyOnce(200);
        assertThat(orders.ofUser(user, orderNo).status()).isEqualTo(OrderStatus.REFUNDED);
        assertThat(stockOf(tea)).isEqualTo(10);
        assertThat(api.post("/api/orders/" + orderNo + "/cancel", user, null)
                        .getStatusCode()
                        .value())
                .isEqualTo(409);
    }

    @Test
    void aPaymentRacingThePaymentTimeoutEndsPaidOrCancelledWithTheMoneyBackNeverBoth() throws Exception {
        long tea = sku("Oolong", 300, 20);
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
        assertThat(stockOf(tea))
                .as("a unit for each paid order, none for a cancelled one")
                .isEqualTo(20 - paid);
    }

    @Test
    void onlyAnOperatorShipsAndOnlyAPaidOrder() {
        long tea = sku("Chai", 600, 10);
        long user = newUser();
        String orderNo = place(user, tea, 1);
        String ship = "/api/admin/orders/" + orderNo + "/ship";

        var unpaid = api.asAdmin(HttpMethod.POST, ship);
        orders.paymentSucceeded(PaymentFixture.paymentOf(orders.ofUser(user, orderNo), "pay-" + orderNo));
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
    void historyPagesThroughTheUsersOrdersNewestFirst() {
        long tea = sku("Genmaicha", 450, 20);
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
