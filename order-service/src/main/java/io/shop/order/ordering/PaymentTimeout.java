package io.shop.order.ordering;

import io.shop.api.order.OrderTopics;
import java.nio.charset.StandardCharsets;
import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.spring.annotation.RocketMQMessageListener;
import org.apache.rocketmq.spring.core.RocketMQListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A payment timer fired: the order is cancelled and its stock released if it is still unpaid.
 * Delivered at least once; a second delivery, or one for a paid order, finds nothing to do.
 */
@Component
@RocketMQMessageListener(
        topic = OrderTopics.PAYMENT_TIMEOUT,
        selectorExpression = "${shop.order.payment-timer-tag}",
        consumerGroup = "${shop.order.consumer-group}-payment-timeout")
class PaymentTimeout implements RocketMQListener<MessageExt> {

    private static final Logger log = LoggerFactory.getLogger(PaymentTimeout.class);

    private final Orders orders;

    PaymentTimeout(Orders orders) {
        this.orders = orders;
    }

    @Override
    public void onMessage(MessageExt message) {
        String orderNo = new String(message.getBody(), StandardCharsets.UTF_8);
        if (orders.expire(orderNo)) {
            log.info("order {} cancelled: not paid in time", orderNo);
        }
    }
}
