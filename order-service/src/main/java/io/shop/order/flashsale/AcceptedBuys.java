package io.shop.order.flashsale;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shop.api.order.OrderTopics;
import org.apache.rocketmq.client.exception.MQBrokerException;
import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.remoting.exception.RemotingException;
import org.apache.rocketmq.spring.core.RocketMQTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The queue of accepted buys ({@link OrderTopics#FLASH_SALE_ORDERS}): a message names the activity
 * and the ticket, whose details stay in Redis. Sent synchronously: the buyer's 202 means the
 * broker has it.
 */
@Component
class AcceptedBuys {

    private static final Logger log = LoggerFactory.getLogger(AcceptedBuys.class);

    /** The body of one message. */
    record AcceptedBuy(long activityId, String ticket) {}

    private final RocketMQTemplate rocketMq;
    private final ObjectMapper json;
    private final FlashSaleSettings settings;

    AcceptedBuys(RocketMQTemplate rocketMq, ObjectMapper json, FlashSaleSettings settings) {
        this.rocketMq = rocketMq;
        this.json = json;
        this.settings = settings;
    }

    /** The topic's route, fetched before the first buyer: otherwise the first sends of a burst wait for it. */
    @EventListener(ApplicationReadyEvent.class)
    void learnTheRoute() {
        try {
            rocketMq.getProducer().fetchPublishMessageQueues(OrderTopics.FLASH_SALE_ORDERS);
        } catch (MQClientException e) {
            log.warn("route of {} not known yet; the first send will ask for it", OrderTopics.FLASH_SALE_ORDERS, e);
        }
    }

    void send(long activityId, String ticket) {
        try {
            Message message = new Message(
                    OrderTopics.FLASH_SALE_ORDERS,
                    settings.tag(),
                    ticket,
                    json.writeValueAsBytes(new AcceptedBuy(activityId, ticket)));
            SendResult sent = rocketMq.getProducer().send(message);
            if (sent.getSendStatus() != SendStatus.SEND_OK) {
                throw new IllegalStateException(
                        "the broker did not confirm ticket " + ticket + ": " + sent.getSendStatus());
            }
        } catch (JsonProcessingException | MQClientException | RemotingException | MQBrokerException e) {
            throw new IllegalStateException("ticket " + ticket + " not sent", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    AcceptedBuy read(byte[] body) {
        try {
            return json.readValue(body, AcceptedBuy.class);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("unreadable accepted buy", e);
        }
    }
}
