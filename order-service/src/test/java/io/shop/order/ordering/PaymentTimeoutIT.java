package io.shop.order.ordering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.JsonPath;
import io.shop.api.order.OrderTopics;
import io.shop.order.InProcessOrderService;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.rocketmq.client.consumer.store.ReadOffsetType;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.spring.core.RocketMQTemplate;
import org.apache.rocketmq.spring.support.DefaultRocketMQListenerContainer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * The payment timer (shop.order.payment.timeout = 4 s in these tests): OrderCreated is
 * published, this instance's consumer sets a RocketMQ timer message, and this instance's timer
 * consumer cancels the order if it is still unpaid. Nobody else can: the running shop's
 * order-service keeps its orders in other databases, and the timers it sets for this instance's
 * orders carry its own tag, which this instance does not take (see the it profile); and this
 * instance's sweeper of unpaid orders only comes after the timeout and a margin that these tests
 * never wait for.
 */
class PaymentTimeoutIT extends InProcessOrderService {

    /** RocketMQ's timer wheel delivers a timer within its precision (1 s) of the time asked. */
    private static final Duration TIMER_PRECISION = Duration.ofSeconds(1);

    @Autowired
    Orders orders;

    @Autowired
    PaymentTimeout timeoutConsumer;

    @Autowired
    RocketMQTemplate rocketMq;

    @Autowired
    List<DefaultRocketMQListenerContainer> listeners;

    @Value("${shop.order.payment.timeout}")
    Duration paymentTimeout;

    @Value("${shop.order.payment-timer-tag}")
    String timerTag;

    @Value("${shop.order.unpaid-sweep.margin}")
    Duration sweepMargin;

    @Test
    void anUnpaidOrderIsCancelledWhenItsTimeRunsOutAndItsStockComesBack() {
        long tea = products.sku("Jasmine tea", 650, 10);
        String orderNo = place(newUser(), tea, 4);
        assertThat(products.stockOf(tea)).isEqualTo(6);

        await().atMost(sweepMargin).until(() -> "CANCELLED".equals(shards.status(orderNo)));

        Map<String, Object> order = shards.order(orderNo);
        assertThat(instant(order.get("updated_at")))
                .isAfterOrEqualTo(
                        instant(order.get("created_at")).plus(paymentTimeout).minus(TIMER_PRECISION));
        // the row reads CANCELLED once its branch committed; the same global transaction then releases
        await().atMost(Duration.ofSeconds(10)).until(() -> products.stockOf(tea) == 10);
    }

    @Test
    void aTimeoutDeliveredAgainChangesNothing() throws Exception {
        long tea = products.sku("Oolong", 1200, 10);
        String orderNo = place(newUser(), tea, 3);
        await().atMost(sweepMargin).until(() -> "CANCELLED".equals(shards.status(orderNo)));
        await().atMost(Duration.ofSeconds(10)).until(() -> products.stockOf(tea) == 10);

        // once through the broker, once straight into the consumer: both are redeliveries
        SendResult again = rocketMq.getProducer().send(timer(orderNo));
        await().atMost(Duration.ofSeconds(30)).until(() -> consumedPast(again));
        timeoutConsumer.onMessage(delivered(orderNo));

        assertThat(shards.status(orderNo)).isEqualTo("CANCELLED");
        assertThat(products.stockOf(tea)).isEqualTo(10);
    }

    @Test
    void aPaidOrderIsNeverCancelledByALateTimeout() throws Exception {
        long tea = products.sku("Pu-erh", 2200, 10);
        long user = newUser();
        String orderNo = place(user, tea, 2);
        orders.paymentSucceeded(PaymentFixture.paymentOf(orders.ofUser(user, orderNo), "pay-" + orderNo));

        SendResult late = rocketMq.getProducer().send(timer(orderNo));
        await().atMost(Duration.ofSeconds(30)).until(() -> consumedPast(late));
        timeoutConsumer.onMessage(delivered(orderNo));

        assertThat(shards.status(orderNo)).isEqualTo("PAID");
        assertThat(products.stockOf(tea)).isEqualTo(8);
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

    /** Whether this instance's timer consumer is done with the message sent (and all before it). */
    private boolean consumedPast(SendResult sent) {
        DefaultRocketMQListenerContainer timeouts = listeners.stream()
                .filter(listener -> OrderTopics.PAYMENT_TIMEOUT.equals(listener.getTopic()))
                .findFirst()
                .orElseThrow();
        return timeouts.getConsumer()
                        .getOffsetStore()
                        .readOffset(sent.getMessageQueue(), ReadOffsetType.READ_FROM_MEMORY)
                > sent.getQueueOffset();
    }

    private Message timer(String orderNo) {
        return new Message(OrderTopics.PAYMENT_TIMEOUT, timerTag, orderNo, orderNo.getBytes(StandardCharsets.UTF_8));
    }

    private static MessageExt delivered(String orderNo) {
        MessageExt message = new MessageExt();
        message.setTopic(OrderTopics.PAYMENT_TIMEOUT);
        message.setBody(orderNo.getBytes(StandardCharsets.UTF_8));
        return message;
    }

    private static Instant instant(Object timestamp) {
        return ((Timestamp) timestamp).toInstant();
    }
}
