package io.shop.support.outbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the outbox relay works through its table.
 *
 * @param pollInterval how often the relay looks for messages nobody woke it for
 * @param batchSize rows claimed at a time
 * @param claimTimeout how long a claimed row stays with its relay; a relay that died gives its rows
 *     back when this has passed
 * @param maxAttempts rejections of one message (by the broker or the client) before it is parked
 * @param firstRetry the wait after a message's first rejection; it doubles with every rejection,
 *     up to {@code maxRetry}
 */
@ConfigurationProperties("shop.outbox")
record OutboxSettings(
        @DefaultValue("1s") Duration pollInterval,
        @DefaultValue("200") int batchSize,
        @DefaultValue("30s") Duration claimTimeout,
        @DefaultValue("5") int maxAttempts,
        @DefaultValue("1s") Duration firstRetry,
        @DefaultValue("5m") Duration maxRetry) {

    /** The wait before a message rejected {@code attempts} times is tried again. */
    Duration retryAfter(int attempts) {
        Duration wait = firstRetry.multipliedBy(1L << Math.min(Math.max(attempts - 1, 0), 20));
        return wait.compareTo(maxRetry) > 0 ? maxRetry : wait;
    }
}
