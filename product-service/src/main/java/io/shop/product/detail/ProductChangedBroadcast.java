package io.shop.product.detail;

import io.shop.api.product.ProductTopics;
import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.spring.annotation.MessageModel;
import org.apache.rocketmq.spring.annotation.RocketMQMessageListener;
import org.apache.rocketmq.spring.core.RocketMQListener;
import org.springframework.stereotype.Component;

/**
 * Every instance hears of every product change (broadcasting: each instance consumes each message)
 * and drops the page from its local cache, and from Redis once more. The key is the product id.
 */
@Component
@RocketMQMessageListener(
        topic = ProductTopics.PRODUCT_CHANGED,
        consumerGroup = "${shop.product.cache.invalidation-group}",
        messageModel = MessageModel.BROADCASTING)
class ProductChangedBroadcast implements RocketMQListener<MessageExt> {

    private final ProductCacheInvalidation invalidation;

    ProductChangedBroadcast(ProductCacheInvalidation invalidation) {
        this.invalidation = invalidation;
    }

    @Override
    public void onMessage(MessageExt message) {
        invalidation.invalidate(Long.parseLong(message.getKeys()));
    }
}
