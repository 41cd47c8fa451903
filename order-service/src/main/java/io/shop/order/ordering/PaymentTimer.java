package io.shop.order.ordering;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.shop.api.order.OrderCreated;
import io.shop.api.order.OrderTopics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.apache.rocketmq.client.exception.MQBrokerException;
import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.remoting.exception.RemotingException;
import org.apache.rocketmq.spring.annotation.RocketMQMessageListener;
import org.apache.rocketmq.spring.core.RocketMQListener;
import org.apache.rocketmq.spring.core.RocketMQTemplate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * For every OrderCreated, a timer message on {@link OrderTopics#PAYMENT_TIMEOUT} due when the order
 * must be paid. Sent by this consumer rather than at checkout: the event is only published once
 * the order committed, and is redelivered until this send succeeded, so no committed order is left
 * without its timer even if the service died right after the commit. Duplicates are harmless. The
 * timers carry the tag {@code shop.order.payment-timer-tag}, which {@link PaymentTimeout} takes.
 */
@Component
@RocketMQMessageListener(
        topic = OrderTopics.ORDER_EVENTS,
        selectorExpression = "OrderCreated",
        consumerGroup = "${shop.order.consumer-group}-payment-timer")
class PaymentTimer implements RocketMQListener<MessageExt> {

    private final RocketMQTemplate rocketMq;
    private final ObjectMapper json;
    private final Clock clock;
    private final String tag;

    PaymentTimer(
            RocketMQTemplate rocketMq,
            ObjectMapper json,
            Clock clock,
            @Value("${shop.order.payment-timer-tag}") String tag) {
        this.rocketMq = rocketMq;
        this.json = json;
        this.clock = clock;
        this.tag = tag;
    }

    @Override
    public void onMessage(MessageExt message) {
        try {
            OrderCreated created = json.readValue(message.getBody(), OrderCreated.class);
            Message timer = new Message(
                    OrderTopics.PAYMENT_TIMEOUT,
                    tag,
                    created.orderNo(),
                    created.orderNo().getBytes(StandardCharsets.UTF_8));
            long due = created.payBy().toEpochMilli();
            if (due > clock.millis()) {
                timer.setDeliverTimeMs(due);
            }
            SendResult sent = rocketMq.getProducer().send(timer);
            if (sent.getSendStatus() != SendStatus.SEND_OK) {
                // e.g. FLUSH_DISK_TIMEOUT: the broker does not vouch for the timer, so have the event again
                throw new IllegalStateException(
                        "payment timer of order " + created.orderNo() + " not confirmed: " + sent.getSendStatus());
            }
        } catch (IOException | MQClientException | RemotingException | MQBrokerException e) {
            throw new IllegalStateException("payment timer not set, the event will be redelivered", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
