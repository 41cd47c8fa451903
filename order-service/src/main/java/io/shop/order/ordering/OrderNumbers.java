package io.shop.order.ordering;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/**
 * Order numbers that sort by time: epoch millis, the user's two low decimal digits, and a
 * per-instance counter started at a random point (so two instances rarely collide; the primary
 * key rejects the rare collision instead of merging two orders).
 */
@Component
class OrderNumbers {

    private final Clock clock;
    private final AtomicInteger counter = new AtomicInteger(new SecureRandom().nextInt(100_000));

    OrderNumbers(Clock clock) {
        this.clock = clock;
    }

    String next(long userId) {
        int sequence = Math.floorMod(counter.getAndIncrement(), 100_000);
        return String.format("%d%02d%05d", clock.millis(), userId % 100, sequence);
    }
}
