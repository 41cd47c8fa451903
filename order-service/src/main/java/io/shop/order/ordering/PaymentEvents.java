package io.shop.order.ordering;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.shop.api.payment.PaymentSucceeded;
import io.shop.api.payment.PaymentTopics;
import java.io.IOException;
import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.spring.annotation.RocketMQMessageListener;
import org.apache.rocketmq.spring.core.RocketMQListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Payments taken by payment-service (committed transactional messages): each makes its order PAID
 * or, if the order can no longer take it, asks for the money back. At least once; idempotent by
 * payment id.
 */
@Component
@RocketMQMessageListener(
        topic = PaymentTopics.PAYMENT_EVENTS,
        selectorExpression = "PaymentSucceeded",
        consumerGroup = "${shop.order.consumer-group}-payments")
class PaymentEvents implements RocketMQListener<MessageExt> {

    private static final Logger log = LoggerFactory.getLogger(PaymentEvents.class);

    private final Orders orders;
    private final ObjectMapper json;

    PaymentEvents(Orders orders, ObjectMapper json) {
        this.orders = orders;
        this.json = json;
    }

    @Override
    public void onMessage(MessageExt message) {
        PaymentSucceeded payment;
        try {
            payment = json.readValue(message.getBody(), PaymentSucceeded.class);
        } catch (IOException e) {
            throw new IllegalStateException("unreadable PaymentSucceeded", e);
        }
        Order order = orders.paymentSucceeded(payment);
        log.info("payment {} for order {}: order is {}", payment.paymentId(), payment.orderNo(), order.status());
    }
}
