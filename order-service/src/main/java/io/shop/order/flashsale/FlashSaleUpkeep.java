package io.shop.order.flashsale;

import io.shop.api.flashsale.FlashSaleActivity;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the sales going on every instance (each step is idempotent, so instances need not agree
 * who does it): activities due soon are put into Redis before their start, and tickets still
 * QUEUED long after they were accepted are sent again. The second covers a buy accepted in Redis
 * whose message never reached the broker (the instance died in between) and one whose deliveries
 * the broker gave up on; the consumer finds out itself whether a ticket's order already exists.
 */
@Component
class FlashSaleUpkeep {

    private static final Logger log = LoggerFactory.getLogger(FlashSaleUpkeep.class);

    private final FlashSaleCatalog catalog;
    private final FlashSaleStore store;
    private final AcceptedBuys queue;
    private final FlashSaleSettings settings;
    private final Clock clock;

    FlashSaleUpkeep(
            FlashSaleCatalog catalog,
            FlashSaleStore store,
            AcceptedBuys queue,
            FlashSaleSettings settings,
            Clock clock) {
        this.catalog = catalog;
        this.store = store;
        this.queue = queue;
        this.settings = settings;
        this.clock = clock;
    }

    @Scheduled(
            fixedDelayString = "${shop.order.flash-sale.upkeep-interval}",
            initialDelayString = "${shop.order.flash-sale.upkeep-interval}")
    void preload() {
        Instant now = clock.instant();
        for (FlashSaleActivity activity : catalog.between(now, now.plus(settings.preloadAhead()))) {
            if (catalog.load(activity)) {
                log.info("flash sale {} loaded, starts at {}", activity.id(), activity.startsAt());
            }
        }
    }

    /** As often as a ticket may wait: each stale ticket is sent about once per period. */
    @Scheduled(
            fixedDelayString = "${shop.order.flash-sale.requeue-after}",
            initialDelayString = "${shop.order.flash-sale.requeue-after}")
    void requeue() {
        Instant now = clock.instant();
        for (FlashSaleActivity activity : catalog.between(now.minus(settings.settleWindow()), now)) {
            requeueStale(activity.id(), now);
        }
    }

    private void requeueStale(long activityId, Instant now) {
        long staleBefore = now.minus(settings.requeueAfter()).toEpochMilli();
        store.tickets(activityId).stream()
                .filter(ticket -> ticket.queued() && ticket.acceptedAt() < staleBefore)
                .forEach(ticket -> {
                    log.info("ticket {} of flash sale {} still queued, sending it again", ticket.id(), activityId);
                    queue.send(activityId, ticket.id());
                });
    }
}
