package io.shop.search.product;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.shop.api.product.ProductChanged;
import io.shop.api.product.ProductTopics;
import java.io.IOException;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.spring.annotation.RocketMQMessageListener;
import org.apache.rocketmq.spring.core.RocketMQListener;
import org.apache.rocketmq.spring.core.RocketMQPushConsumerLifecycleListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Keeps the index in step with the catalog. Safe to receive an event twice or out of order: the
 * listing's version decides ({@link ProductIndex#write}). An engine that cannot be reached throws, so
 * RocketMQ delivers the event again later; an unreadable event would fail the same way every time and
 * is dropped with an error in the log instead. Each outcome is counted ({@value #EVENTS} by {@code
 * outcome}: indexed, stale, unreadable).
 */
@Component
@RocketMQMessageListener(topic = ProductTopics.PRODUCT_CHANGED, consumerGroup = "${shop.search.consumer-group}")
class ProductChangedListener implements RocketMQListener<MessageExt>, RocketMQPushConsumerLifecycleListener {

    private static final Logger log = LoggerFactory.getLogger(ProductChangedListener.class);

    static final String EVENTS = "shop.search.product.changed";

    private final ProductIndex index;
    private final ObjectReader reader;
    private final Counter indexed;
    private final Counter stale;
    private final Counter unreadable;

    ProductChangedListener(ProductIndex index, ObjectMapper json, MeterRegistry meters) {
        this.index = index;
        this.reader = json.readerFor(ProductChanged.class);
        this.indexed = meters.counter(EVENTS, "outcome", "indexed");
        this.stale = meters.counter(EVENTS, "outcome", "stale");
        this.unreadable = meters.counter(EVENTS, "outcome", "unreadable");
    }

    /**
     * A group seen for the first time (a new shop, a new index alias) starts with the oldest event
     * the broker keeps, not the newest: products announced before search-service first subscribed,
     * such as the demo catalog, are indexed too. Replays cost nothing thanks to the versions.
     */
    @Override
    public void prepareStart(DefaultMQPushConsumer consumer) {
        consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
    }

    @Override
    public void onMessage(MessageExt message) {
        ProductChanged event;
        try {
            event = reader.readValue(message.getBody());
        } catch (IOException e) {
            log.error(
                    "Dropped unreadable {} message {}: {}",
                    ProductTopics.PRODUCT_CHANGED,
                    message.getMsgId(),
                    e.toString());
            unreadable.increment();
            return;
        }
        if (event.product() == null) {
            log.error("Dropped {} event {} without a listing", ProductTopics.PRODUCT_CHANGED, event.eventId());
            unreadable.increment();
            return;
        }
        boolean applied = index.write(event.product());
        (applied ? indexed : stale).increment();
        log.debug(
                "Event {}: product {} version {} {}",
                event.eventId(),
                event.product().productId(),
                event.product().version(),
                applied ? "indexed" : "already indexed or older");
    }
}
