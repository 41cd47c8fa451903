package io.shop.order.flashsale;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.shop.api.order.OrderCancelled;
import io.shop.api.order.OrderTopics;
import io.shop.order.ordering.FlashSaleOrders;
import java.io.IOException;
import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.spring.annotation.RocketMQMessageListener;
import org.apache.rocketmq.spring.core.RocketMQListener;
import org.springframework.stereotype.Component;

/**
 * A cancelled flash-sale order (unpaid in time, or cancelled by its buyer or an operator) gives its
 * unit back to the activity, which can sell it again. Driven by the order's OrderCancelled event,
 * which the outbox publishes at least once after the cancellation committed; the release is once
 * per ticket however often the event comes.
 */
@Component
@RocketMQMessageListener(
        topic = OrderTopics.ORDER_EVENTS,
        selectorExpression = "OrderCancelled",
        consumerGroup = "${shop.order.consumer-group}-flash-sale-returns")
class FlashSaleUnitReturns implements RocketMQListener<MessageExt> {

    private final FlashSaleOrders orders;
    private final FlashSaleStore store;
    private final ObjectMapper json;

    FlashSaleUnitReturns(FlashSaleOrders orders, FlashSaleStore store, ObjectMapper json) {
        this.orders = orders;
        this.store = store;
        this.json = json;
    }

    @Override
    public void onMessage(MessageExt message) {
        OrderCancelled cancelled;
        try {
            cancelled = json.readValue(message.getBody(), OrderCancelled.class);
        } catch (IOException e) {
            throw new IllegalStateException("unreadable OrderCancelled", e);
        }
        orders.unitOf(cancelled.userId(), cancelled.orderNo())
                .ifPresent(unit -> store.release(unit.activityId(), unit.ticket(), cancelled.orderNo()));
    }
}
