package io.shop.order.ordering;

import io.shop.api.ShopException;
import io.shop.api.order.OrderErrors;
import io.shop.order.ordering.OrderRepository.Placement;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.seata.spring.annotation.GlobalLock;
import org.springframework.stereotype.Component;

/**
 * Idempotency keys of checkout. The key is stored on the order row itself, under a unique index
 * on {@code (user_id, idempotency_key)} in the user's table: it commits with the order or not at
 * all, and of several concurrent requests with one key only the first insert succeeds. (A Redis
 * SETNX would need a second store kept in step with the database, and leaves a window in which
 * the order committed but the key was not written.)
 */
@Component
class IdempotencyKeys {

    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private final OrderRepository orders;

    IdempotencyKeys(OrderRepository orders) {
        this.orders = orders;
    }

    static String require(String key) {
        if (key == null || !KEY.matcher(key).matches()) {
            throw ShopException.invalid(
                    OrderErrors.IDEMPOTENCY_KEY_REQUIRED,
                    "header Idempotency-Key is required: 1 to 64 letters, digits, '-' or '_'");
        }
        return key;
    }

    /**
     * The order a key already produced. Read under Seata's global lock: while the global
     * transaction that wrote it is undecided this waits, so a key whose order is then rolled back
     * reads as unused.
     */
    @GlobalLock(lockRetryInterval = 50, lockRetryTimes = 200)
    public Optional<Placement> lookup(long userId, String key) {
        return orders.findByIdempotencyKey(userId, key);
    }
}
