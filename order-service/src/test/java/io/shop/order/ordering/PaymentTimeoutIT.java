package io.shop.order.ordering;

import static io.shop.order.TestAccounts.addressOf;
import static io.shop.order.TestCatalog.sku;
import static io.shop.order.TestCatalog.stockOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import io.shop.api.order.OrderTopics;
import io.shop.order.InProcessOrderService;
import io.shop.order.Shards;
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
    Orders orders;

    @Autowired
    PaymentTimeout timeoutConsumer;

    @Autowired
    RocketMQTemplate rocketMq;

    @Test
    void anUnpaidOrderIsCancelledWhenItsTimeRunsOutAndItsStockComesBack() throws Exception {
        long tea = sku("Jasmine tea", 650, 10);
        String orderNo = place(newUser(), tea, 4);
        assertThat(stockOf(tea)).isEqualTo(6);

        await(Duration.ofSeconds(60), () -> "CANCELLED".equals(Shards.status(orderNo)));

        assertThat(stockOf(tea)).isEqualTo(10);
    }

    @Test
    void aTimeoutDeliveredAgainChangesNothing() throws Exception {
        long tea = sku("Oolong", 1200, 10);
        String orderNo = place(newUser(), tea, 3);
        await(Duration.ofSeconds(60), () -> "CANCELLED".equals(Shards.status(orderNo)));

        // once through the broker, once straight into the consumer: both are redeliveries
        rocketMq.getProducer().send(timer(orderNo));
        timeoutConsumer.onMessage(delivered(orderNo));
        Thread.sleep(3_000);

        assertThat(Shards.status(orderNo)).isEqualTo("CANCELLED");
        assertThat(stockOf(tea)).isEqualTo(10);
    }

    @Test
    void aPaidOrderIsNeverCancelledByALateTimeout() throws Exception {
        long tea = sku("Pu-erh", 2200, 10);
        long user = newUser();
        String orderNo = place(user, tea, 2);
        orders.paymentSucceeded(PaymentFixture.paymentOf(orders.ofUser(user, orderNo), "pay-" + orderNo));

        Thread.sleep(8_000); // past the 4 s timeout: the real timer has fired by now
        timeoutConsumer.onMessage(delivered(orderNo));

        assertThat(Shards.status(orderNo)).isEqualTo("PAID");
        assertThat(stockOf(tea)).isEqualTo(8);
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
