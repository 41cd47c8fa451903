package io.shop.order.ordering;

import io.shop.order.ordering.OrderRepository.Overdue;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * The safety net under the payment timer. An order still CREATED when its payment deadline and a
 * margin have passed ({@code pay_by + shop.order.unpaid-sweep.margin}) has lost its timer: its OrderCreated or its timer message ended
 * in RocketMQ's dead-letter queue, or a broker lost it, and its stock would stay reserved. Every
 * instance looks through every table now and then and cancels such orders the way the timer does
 * ({@link Orders#expire}): whichever of the two comes first cancels and releases the stock, the
 * other finds the order cancelled and does nothing. Two instances sweeping at once contend on the
 * order's row lock the same way, so there is nothing to coordinate.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class UnpaidOrderSweeper {

    private static final Logger log = LoggerFactory.getLogger(UnpaidOrderSweeper.class);
    private static final int BATCH = 100;
    /** Per sweep; what is left waits for the next one. */
    private static final int MAX_BATCHES = 10;

    private final OrderRepository orders;
    private final Orders expiry;
    private final Clock clock;
    private final Duration margin;

    UnpaidOrderSweeper(
            OrderRepository orders,
            Orders expiry,
            Clock clock,
            @Value("${shop.order.unpaid-sweep.margin:2m}") Duration margin) {
        this.orders = orders;
        this.expiry = expiry;
        this.clock = clock;
        this.margin = margin;
    }

    @Scheduled(
            fixedDelayString = "${shop.order.unpaid-sweep.interval:1m}",
            initialDelayString = "${shop.order.unpaid-sweep.interval:1m}")
    void scheduled() {
        try {
            sweep();
        } catch (RuntimeException e) {
            log.warn("unpaid orders sweep postponed: {}", e.toString());
        }
    }

    /** Cancels the overdue orders it finds, in bounded batches; returns how many it cancelled. */
    int sweep() {
        Instant cutoff = clock.instant().minus(margin);
        int cancelled = 0;
        Overdue after = Overdue.NONE;
        for (int batch = 0; batch < MAX_BATCHES; batch++) {
            List<Overdue> due = orders.unpaidDueBefore(cutoff, after, BATCH);
            for (Overdue order : due) {
                cancelled += cancel(order) ? 1 : 0;
            }
            if (due.size() < BATCH) {
                break;
            }
            after = due.get(due.size() - 1);
        }
        return cancelled;
    }

    private boolean cancel(Overdue order) {
        try {
            boolean cancelled = expiry.expire(order.orderNo());
            if (cancelled) {
                log.warn(
                        "order {} due {} cancelled by the sweeper: not paid, and its payment timer did not fire",
                        order.orderNo(),
                        order.payBy());
            }
            return cancelled;
        } catch (RuntimeException e) {
            log.warn("order {} left for the next sweep: {}", order.orderNo(), e.toString());
            return false;
        }
    }
}
