package io.shop.order.outbox;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Publishes events that were not published right after their global transaction: rows older than
 * the grace period (longer than a global transaction may run), read under the global lock.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class OutboxSweeper {

    private static final Logger log = LoggerFactory.getLogger(OutboxSweeper.class);
    private static final int BATCH = 100;

    private final OrderOutbox outbox;
    private final Clock clock;
    private final Duration grace;

    OutboxSweeper(OrderOutbox outbox, Clock clock, @Value("${shop.order.outbox.grace:60s}") Duration grace) {
        this.outbox = outbox;
        this.clock = clock;
        this.grace = grace;
    }

    @Scheduled(fixedDelayString = "${shop.order.outbox.sweep-interval:15s}", initialDelayString = "10s")
    void sweep() {
        try {
            List<OrderEvent> left;
            int published;
            do {
                left = outbox.leftovers(clock.instant().minus(grace), BATCH);
                published = outbox.publish(left);
            } while (left.size() == BATCH && published == BATCH);
        } catch (RuntimeException e) {
            log.warn("outbox sweep postponed: {}", e.toString());
        }
    }
}
