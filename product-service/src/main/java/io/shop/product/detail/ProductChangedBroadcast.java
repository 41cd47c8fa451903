package io.shop.product.detail;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.shop.api.product.ProductChanged;
import io.shop.api.product.ProductTopics;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.spring.annotation.MessageModel;
import org.apache.rocketmq.spring.annotation.RocketMQMessageListener;
import org.apache.rocketmq.spring.core.RocketMQListener;
import org.springframework.stereotype.Component;

/**
 * Every instance hears of every product change (broadcasting: each instance consumes each message)
 * and drops older pages from its local cache, and from Redis once more, by the version the change
 * produced.
 */
@Component
@RocketMQMessageListener(
        topic = ProductTopics.PRODUCT_CHANGED,
        consumerGroup = "${shop.product.cache.invalidation-group}",
        messageModel = MessageModel.BROADCASTING)
class ProductChangedBroadcast implements RocketMQListener<MessageExt> {

    private final ProductCacheInvalidation invalidation;
    private final ObjectMapper json;

    ProductChangedBroadcast(ProductCacheInvalidation invalidation, ObjectMapper json) {
        this.invalidation = invalidation;
        this.json = json;
    }

    @Override
    public void onMessage(MessageExt message) {
        ProductChanged changed;
        try {
            changed = json.readValue(message.getBody(), ProductChanged.class);
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable " + ProductTopics.PRODUCT_CHANGED + " message", e);
        }
        invalidation.invalidate(changed.product().productId(), changed.product().version());
    }
}
