package io.shop.order.ordering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.shop.api.order.OrderTopics;
import io.shop.api.user.ShippingAddressSnapshot;
import io.shop.order.InProcessOrderService;
import io.shop.order.sharding.OrderShards;
import io.shop.support.LiveSettings;
import io.shop.testsupport.SettingsChanges;
import io.shop.testsupport.ZookeeperConfig;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.apache.rocketmq.common.message.MessageExt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * Orders whose payment timer never fires: placed through the real global transaction (order rows
 * in the shard, stock reserved in product-service), but their OrderCreated is lost before anyone
 * published it, as if it had ended in the dead-letter queue, so no timer is ever set. Only this
 * instance's sweeper can cancel them (the running shop keeps its orders elsewhere). The payment
 * timeout is changed the way an operator does, in this instance's config in ZooKeeper.
 */
class UnpaidOrderSweeperIT extends InProcessOrderService {

    private static final Duration SECONDS = Duration.ofSeconds(30);
    private static final String TIMEOUT = PaymentTimeoutSettings.PREFIX + ".timeout";

    @Autowired
    PlacingOrder placing;

    @Autowired
    OrderNumbers numbers;

    @Autowired
    UnpaidOrderSweeper sweeper;

    @Autowired
    PaymentTimeout timeoutConsumer;

    @Autowired
    Orders orders;

    @Value("${shop.order.payment.timeout}")
    Duration paymentTimeout;

    @Autowired
    LiveSettings<PaymentTimeoutSettings.Window> paymentWindow;

    @Autowired
    MeterRegistry meters;

    @Value("${spring.cloud.zookeeper.connect-string}")
    String zookeeperAddress;

    private ZookeeperConfig config;

    @BeforeEach
    void connect() throws Exception {
        config = ZookeeperConfig.of(zookeeperAddress, CONFIG_ROOT, "order-service");
    }

    @AfterEach
    void timeoutAsConfigured() throws Exception {
        config.close();
        await().atMost(SECONDS).until(() -> paymentWindow.get().timeout().equals(paymentTimeout));
    }

    @Value("${shop.order.unpaid-sweep.margin}")
    Duration margin;

    @Test
    void anUnpaidOrderWhoseTimerNeverFiresIsCancelledByTheSweeperAndItsStockComesBack() {
        long tea = products.sku("Forgotten tea", 700, 10);
        String orderNo = placeWithoutTimer(newUser(), tea, 3, Instant.now().minus(Duration.ofHours(1)));
        assertThat(products.stockOf(tea)).isEqualTo(7);

        await().atMost(Duration.ofSeconds(60)).until(() -> "CANCELLED".equals(shards.status(orderNo)));

        // the row reads CANCELLED once its branch committed; the same global transaction then releases
        await().atMost(Duration.ofSeconds(10)).until(() -> products.stockOf(tea) == 10);
        // its OrderCancelled went out like the timer's would
        await().atMost(Duration.ofSeconds(10)).until(() -> shards.rowsEverywhere("t_order_event", orderNo) == 0);
        // and a timer that turns up after all finds nothing left to do
        timeoutConsumer.onMessage(delivered(orderNo));
        assertThat(shards.status(orderNo)).isEqualTo("CANCELLED");
        assertThat(products.stockOf(tea)).isEqualTo(10);
    }

    @Test
    void anOrderPastItsDeadlineIsLeftToItsTimerUntilTheMarginHasPassedToo() {
        long tea = products.sku("Patient tea", 700, 10);
        Instant justDue = Instant.now().minus(paymentTimeout).minusSeconds(1);
        String orderNo = placeWithoutTimer(newUser(), tea, 2, justDue);

        sweeper.sweep();

        assertThat(shards.status(orderNo)).isEqualTo("CREATED");
        assertThat(products.stockOf(tea)).isEqualTo(8);
        assertThat(margin).isGreaterThan(Duration.ofSeconds(10));
        // done with it: cancelled the way a timer does, as the sweeper would in a minute
        assertThat(orders.expire(orderNo)).isTrue();
        assertThat(products.stockOf(tea)).isEqualTo(10);
    }

    @Test
    void aChangedPaymentTimeoutAppliesToOrdersPlacedAfterItAndTheSweeperKeepsEachOrdersOwnDeadline() throws Exception {
        long tea = products.sku("Timely tea", 700, 10);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String before = placeWithoutTimer(newUser(), tea, 1, now);

        config.set(TIMEOUT, "2h");
        await().atMost(SECONDS).until(() -> paymentWindow.get().timeout().equals(Duration.ofHours(2)));
        Instant anHourAgo = Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.MILLIS);
        String after = placeWithoutTimer(newUser(), tea, 1, anHourAgo);

        assertThat(shards.payBy(after)).isEqualTo(anHourAgo.plus(Duration.ofHours(2)));
        assertThat(shards.payBy(before)).isEqualTo(now.plus(paymentTimeout));

        // back to the short timeout: the order placed under the long one is still an hour from its deadline
        config.remove(TIMEOUT);
        await().atMost(SECONDS).until(() -> paymentWindow.get().timeout().equals(paymentTimeout));
        sweeper.sweep();
        assertThat(shards.status(after)).isEqualTo("CREATED");

        assertThat(orders.expire(after)).isTrue();
        assertThat(orders.expire(before)).isTrue();
        assertThat(products.stockOf(tea)).isEqualTo(10);
    }

    @Test
    void aPaymentTimeoutOutsideItsBoundsIsRefusedAndTheLastGoodOneStays() throws Exception {
        double refusedBefore = SettingsChanges.refused(meters, PaymentTimeoutSettings.PREFIX);
        config.set(TIMEOUT, "0s");
        await().atMost(SECONDS)
                .until(() -> SettingsChanges.refused(meters, PaymentTimeoutSettings.PREFIX) > refusedBefore);
        assertThat(paymentWindow.get().timeout()).isEqualTo(paymentTimeout);
    }

    /** An order placed at {@code placedAt} whose OrderCreated was lost before it was published. */
    private String placeWithoutTimer(long user, long skuId, int quantity, Instant placedAt) {
        ShippingAddressSnapshot shipTo = new ShippingAddressSnapshot(
                addressOf(user), "Order Tester", "+8613800138000", "Zhejiang", "Hangzhou", "Xihu", "1 Road", null);
        Order order = Order.place(
                numbers.next(user),
                user,
                shipTo,
                List.of(OrderLine.of(catalog.skus(List.of(skuId)).get(skuId), quantity)),
                placedAt.truncatedTo(ChronoUnit.MILLIS));
        placing.place(order, UUID.randomUUID().toString(), "0".repeat(64));
        int shard = OrderShards.shardOfUser(user);
        // the outbox row goes before the outbox sweeper's grace period is over: nobody publishes it
        int lost = shards.databaseOf(shard)
                .sql("DELETE FROM t_order_event_" + OrderShards.table(shard) + " WHERE order_no = ?")
                .param(order.orderNo())
                .update();
        assertThat(lost).as("OrderCreated still unpublished").isEqualTo(1);
        return order.orderNo();
    }

    private static MessageExt delivered(String orderNo) {
        MessageExt message = new MessageExt();
        message.setTopic(OrderTopics.PAYMENT_TIMEOUT);
        message.setBody(orderNo.getBytes(StandardCharsets.UTF_8));
        return message;
    }
}
