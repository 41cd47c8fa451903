package io.shop.order.ordering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.JsonPath;
import io.shop.api.order.OrderService;
import io.shop.api.order.OrderTopics;
import io.shop.order.InProcessOrderService;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.spring.core.RocketMQTemplate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The payment timer (shop.order.payment-timeout = 4 s in the it profile): OrderCreated is
 * published, its consumer sets a RocketMQ timer message, and the timer's consumer cancels the
 * order if it is still unpaid.
 */
class PaymentTimeoutIT extends InProcessOrderService {

    @Autowired
    OrderService orderService;

    @Autowired
    PaymentTimeout timeoutConsumer;

    @Autowired
    RocketMQTemplate rocketMq;

    @Test
    void anUnpaidOrderIsCancelledWhenItsTimeRunsOutAndItsStockComesBack() throws Exception {
        long tea = products.sku("Jasmine tea", 650, 10);
        String orderNo = place(newUser(), tea, 4);
        assertThat(products.stockOf(tea)).isEqualTo(6);

        await().atMost(Duration.ofSeconds(60)).until(() -> "CANCELLED".equals(shards.status(orderNo)));

        assertThat(products.stockOf(tea)).isEqualTo(10);
    }

    @Test
    void aTimeoutDeliveredAgainChangesNothing() throws Exception {
        long tea = products.sku("Oolong", 1200, 10);
        String orderNo = place(newUser(), tea, 3);
        await().atMost(Duration.ofSeconds(60)).until(() -> "CANCELLED".equals(shards.status(orderNo)));

        // once through the broker, once straight into the consumer: both are redeliveries
        rocketMq.getProducer().send(timer(orderNo));
        timeoutConsumer.onMessage(delivered(orderNo));
        Thread.sleep(3_000);

        assertThat(shards.status(orderNo)).isEqualTo("CANCELLED");
        assertThat(products.stockOf(tea)).isEqualTo(10);
    }

    @Test
    void aPaidOrderIsNeverCancelledByALateTimeout() throws Exception {
        long tea = products.sku("Pu-erh", 2200, 10);
        String orderNo = place(newUser(), tea, 2);
        orderService.markPaid(orderNo, "pay-" + orderNo);

        Thread.sleep(8_000); // past the 4 s timeout: the real timer has fired by now
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

    private static Message timer(String orderNo) {
        return new Message(
                OrderTopics.PAYMENT_TIMEOUT, PaymentTimer.TAG, orderNo, orderNo.getBytes(StandardCharsets.UTF_8));
    }

    private static MessageExt delivered(String orderNo) {
        MessageExt message = new MessageExt();
        message.setTopic(OrderTopics.PAYMENT_TIMEOUT);
        message.setBody(orderNo.getBytes(StandardCharsets.UTF_8));
        return message;
    }
}
