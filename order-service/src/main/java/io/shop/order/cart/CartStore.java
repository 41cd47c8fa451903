package io.shop.order.cart;

import io.shop.api.ShopException;
import io.shop.api.order.OrderErrors;
import java.time.Duration;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.springframework.stereotype.Component;

/**
 * Carts in Redis: one hash per user ({@code cart:<userId>}), field = SKU id, value =
 * {@code quantity:priceWhenAddedCents}. Every change is one Lua script, so concurrent adds from two
 * devices merge instead of overwriting each other, and the limits hold.
 */
@Component
public class CartStore {

    static final Duration KEEP_FOR = Duration.ofDays(30);

    // ARGV: skuId, quantity, price now, mode (add | merge | set), max quantity, max lines, ttl seconds
    private static final String CHANGE =
            """
            local stored = redis.call('HGET', KEYS[1], ARGV[1])
            local quantity, price = 0, ARGV[3]
            if stored then
              local separator = string.find(stored, ':')
              quantity = tonumber(string.sub(stored, 1, separator - 1))
              if ARGV[4] ~= 'add' then price = string.sub(stored, separator + 1) end
            else
              if ARGV[4] == 'set' then return -2 end
              if redis.call('HLEN', KEYS[1]) >= tonumber(ARGV[6]) then return -1 end
            end
            if ARGV[4] == 'set' then quantity = tonumber(ARGV[2]) else quantity = quantity + tonumber(ARGV[2]) end
            if quantity > tonumber(ARGV[5]) then quantity = tonumber(ARGV[5]) end
            redis.call('HSET', KEYS[1], ARGV[1], quantity .. ':' .. price)
            redis.call('EXPIRE', KEYS[1], ARGV[7])
            return quantity
            """;

    private final RedissonClient redis;

    CartStore(RedissonClient redis) {
        this.redis = redis;
    }

    public List<CartEntry> entries(long userId) {
        return redis.<String, String>getMap(key(userId), StringCodec.INSTANCE).readAllMap().entrySet().stream()
                .map(e -> CartEntry.parse(e.getKey(), e.getValue()))
                .sorted(Comparator.comparingLong(CartEntry::skuId))
                .toList();
    }

    /** Adds to the quantity in the cart (capped at the line limit) and records today's price. */
    int add(long userId, long skuId, int quantity, long priceCents) {
        return change(userId, skuId, quantity, priceCents, "add");
    }

    /** Like add, but keeps the price recorded when the SKU first came into this cart. */
    int merge(long userId, long skuId, int quantity, long priceCents) {
        return change(userId, skuId, quantity, priceCents, "merge");
    }

    int set(long userId, long skuId, int quantity) {
        return change(userId, skuId, quantity, 0, "set");
    }

    public void remove(long userId, Collection<Long> skuIds) {
        if (!skuIds.isEmpty()) {
            redis.getMap(key(userId), StringCodec.INSTANCE)
                    .fastRemove(skuIds.stream().map(String::valueOf).toArray());
        }
    }

    private int change(long userId, long skuId, int quantity, long priceCents, String mode) {
        Long result = redis.getScript(StringCodec.INSTANCE)
                .eval(
                        key(userId),
                        RScript.Mode.READ_WRITE,
                        CHANGE,
                        RScript.ReturnType.INTEGER,
                        List.of(key(userId)),
                        String.valueOf(skuId),
                        String.valueOf(quantity),
                        String.valueOf(priceCents),
                        mode,
                        String.valueOf(OrderErrors.MAX_QUANTITY_PER_LINE),
                        String.valueOf(OrderErrors.MAX_LINES),
                        String.valueOf(KEEP_FOR.toSeconds()));
        if (result == -2) {
            throw ShopException.notFound(OrderErrors.CART_ITEM_NOT_FOUND, "SKU " + skuId + " is not in the cart");
        }
        if (result == -1) {
            throw ShopException.conflict(
                    OrderErrors.CART_FULL, "a cart holds at most " + OrderErrors.MAX_LINES + " different items");
        }
        return result.intValue();
    }

    private static String key(long userId) {
        return "cart:" + userId;
    }
}
