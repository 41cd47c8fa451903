package io.shop.payment.payment;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.shop.api.order.OrderTopics;
import io.shop.api.order.RefundRequested;
import java.io.IOException;
import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.spring.annotation.RocketMQMessageListener;
import org.apache.rocketmq.spring.core.RocketMQListener;
import org.springframework.stereotype.Component;

/** order-service asks for a payment's money back; delivered at least once, refunded once. */
@Component
@RocketMQMessageListener(
        topic = OrderTopics.ORDER_EVENTS,
        selectorExpression = "RefundRequested",
        consumerGroup = "${spring.application.name}-refunds")
class RefundRequests implements RocketMQListener<MessageExt> {

    private final Refunds refunds;
    private final ObjectMapper json;

    RefundRequests(Refunds refunds, ObjectMapper json) {
        this.refunds = refunds;
        this.json = json;
    }

    @Override
    public void onMessage(MessageExt message) {
        try {
            refunds.refund(
                    json.readValue(message.getBody(), RefundRequested.class).paymentId());
        } catch (IOException e) {
            throw new IllegalStateException("unreadable RefundRequested", e);
        }
    }
}
