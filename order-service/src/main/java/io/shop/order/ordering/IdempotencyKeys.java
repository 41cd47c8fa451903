package io.shop.order.ordering;

import io.shop.api.ShopException;
import io.shop.api.order.OrderErrors;
import io.shop.order.ordering.OrderRepository.Placement;
import java.sql.SQLException;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.seata.spring.annotation.GlobalLock;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

/**
 * Idempotency keys of checkout. The key is stored on the order row itself, under a unique index
 * on {@code (user_id, idempotency_key)} in the user's table: it commits with the order or not at
 * all, and of several concurrent requests with one key only the first insert succeeds. (A Redis
 * SETNX would need a second store kept in step with the database, and leaves a window in which
 * the order committed but the key was not written.)
 */
@Component
public class IdempotencyKeys {

    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    /** MariaDB's and MySQL's ER_DUP_ENTRY, SQLState 23000, naming the unique key that refused. */
    private static final int DUPLICATE_ENTRY = 1062;

    private static final Pattern KEY_INDEX = Pattern.compile("for key '(?:\\w+\\.)?ux_order_idempotency_\\d+'");

    private final OrderRepository orders;

    IdempotencyKeys(OrderRepository orders) {
        this.orders = orders;
    }

    public static String require(String key) {
        if (key == null || !KEY.matcher(key).matches()) {
            throw ShopException.invalid(
                    OrderErrors.IDEMPOTENCY_KEY_REQUIRED,
                    "header Idempotency-Key is required: 1 to 64 letters, digits, '-' or '_'");
        }
        return key;
    }

    /**
     * Whether an order could not be stored only because another order already holds its key, i.e.
     * a concurrent request with the same key won: the duplicate entry is in {@code
     * ux_order_idempotency_*}, however Spring, Seata and ShardingSphere wrap the driver's error. Any
     * other integrity failure (another unique key, a value too long, a check) is not a race.
     */
    static boolean lostRace(DataIntegrityViolationException failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql
                    && sql.getErrorCode() == DUPLICATE_ENTRY
                    && "23000".equals(sql.getSQLState())
                    && sql.getMessage() != null
                    && KEY_INDEX.matcher(sql.getMessage()).find()) {
                return true;
            }
        }
        return false;
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
