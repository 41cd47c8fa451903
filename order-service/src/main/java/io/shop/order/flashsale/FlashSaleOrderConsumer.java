package io.shop.order.flashsale;

import io.shop.api.order.OrderTopics;
import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.spring.annotation.RocketMQMessageListener;
import org.apache.rocketmq.spring.core.RocketMQListener;
import org.springframework.stereotype.Component;

/**
 * Accepted buys off the queue, each turned into its order (at least once, idempotent by ticket). A
 * consumer that dies mid-way leaves its messages unacknowledged, and they come again.
 */
@Component
@RocketMQMessageListener(
        topic = OrderTopics.FLASH_SALE_ORDERS,
        selectorExpression = "${shop.order.flash-sale.tag}",
        consumerGroup = "${shop.order.consumer-group}-flash-sale")
class FlashSaleOrderConsumer implements RocketMQListener<MessageExt> {

    private final AcceptedBuys queue;
    private final FlashSaleOrdering ordering;

    FlashSaleOrderConsumer(AcceptedBuys queue, FlashSaleOrdering ordering) {
        this.queue = queue;
        this.ordering = ordering;
    }

    @Override
    public void onMessage(MessageExt message) {
        AcceptedBuys.AcceptedBuy buy = queue.read(message.getBody());
        ordering.order(buy.activityId(), buy.ticket());
    }
}
