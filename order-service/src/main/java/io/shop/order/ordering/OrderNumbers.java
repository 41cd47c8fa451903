package io.shop.order.ordering;

import io.shop.order.sharding.OrderShards;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/**
 * Order numbers that sort by time and route to their table: epoch millis (13 digits), an instance
 * id drawn at start (3 digits), a per-instance counter (4 digits) and the user's shard (2 digits).
 * Two instances collide only with the same instance id, millisecond and counter value; the primary
 * key would then refuse the second order rather than merge them.
 */
@Component
class OrderNumbers {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Clock clock;
    private final int instance = RANDOM.nextInt(1_000);
    private final AtomicInteger counter = new AtomicInteger(RANDOM.nextInt(10_000));

    OrderNumbers(Clock clock) {
        this.clock = clock;
    }

    String next(long userId) {
        int sequence = Math.floorMod(counter.getAndIncrement(), 10_000);
        return String.format("%013d%03d%04d%02d", clock.millis(), instance, sequence, OrderShards.shardOfUser(userId));
    }

    /** Whether a string can be one of our order numbers at all (saves a query for garbage). */
    static boolean wellFormed(String orderNo) {
        return orderNo != null && orderNo.length() == 22 && OrderShards.shardOfOrderNo(orderNo) >= 0;
    }
}
