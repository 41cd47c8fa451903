package io.shop.search.product;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.shop.api.product.ProductChanged;
import io.shop.api.product.ProductListing;
import io.shop.api.product.ProductTopics;
import io.shop.api.search.SearchQuery;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.spring.core.RocketMQTemplate;
import org.apache.rocketmq.spring.support.RocketMQHeaders;
import org.springframework.messaging.support.MessageBuilder;

/** Publishes {@link ProductChanged} to the real broker as the catalog does: JSON, keyed by product id. */
final class ProductEvents {

    private static volatile boolean listening;

    private final RocketMQTemplate rocketMq;
    private final ObjectMapper json;

    ProductEvents(RocketMQTemplate rocketMq, ObjectMapper json) {
        this.rocketMq = rocketMq;
        this.json = json;
    }

    ProductChanged publish(ProductListing listing) {
        var event = new ProductChanged(UUID.randomUUID().toString(), Instant.now(), listing);
        publish(event);
        return event;
    }

    void publish(ProductChanged event) {
        try {
            byte[] body = json.writeValueAsBytes(event);
            var sent = rocketMq.syncSend(
                    ProductTopics.PRODUCT_CHANGED,
                    MessageBuilder.withPayload(body)
                            .setHeader(
                                    RocketMQHeaders.KEYS,
                                    Long.toString(event.product().productId()))
                            .build());
            if (sent.getSendStatus() != SendStatus.SEND_OK) {
                throw new IllegalStateException("broker answered " + sent.getSendStatus());
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A new consumer takes up to ~20 s to be assigned its queues, and events sent before that are not
     * all seen: publishes probes until one is found, once per test JVM.
     */
    void awaitListening(ProductSearcher searcher) {
        if (listening) {
            return;
        }
        String marker = Listings.marker();
        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> {
                    publish(Listings.product("Probe " + marker).build());
                    return searcher.search(new SearchQuery(marker, 0, 1)).total() > 0;
                });
        listening = true;
    }
}
