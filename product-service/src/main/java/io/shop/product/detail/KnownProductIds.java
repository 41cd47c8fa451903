package io.shop.product.detail;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.shop.product.catalog.ProductWritten;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.redisson.api.RBloomFilter;
import org.redisson.api.RLock;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.LongCodec;
import org.redisson.client.codec.StringCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A Bloom filter in Redis of every product id there is, shared by all instances: ids it has never
 * seen are answered "not found" without touching Redis' cache or the database (cache penetration
 * by random ids). Products are never deleted, so the filter never needs to forget.
 *
 * <p>It heals itself. When Redis lost it (a restart, a flush), when another instance rebuilt it
 * with another size, or when Redis cannot be reached, every id "might exist" (answers stay right,
 * only the protection is off) and one background task per instance, one instance at a time
 * (a Redisson lock), rebuilds it from the database, retrying every {@link #RETRY_SECONDS} s until
 * it succeeds. A rebuild fills a filter beside the live one and renames it into place, so no
 * instance ever reads a half-filled filter. Ids whose {@link #on(ProductWritten) add} failed are
 * added by that task as well.
 */
@Component
@Order(2)
class KnownProductIds implements ApplicationRunner, DisposableBean {

    static final String NAME = "product:known-ids";
    /** Where Redisson keeps the filter's size and hash count. */
    static final String CONFIG = "{" + NAME + "}:config";

    private static final Logger log = LoggerFactory.getLogger(KnownProductIds.class);
    private static final String BUILDING = NAME + ":building";
    private static final double FALSE_POSITIVES = 0.001;
    private static final int PAGE = 10_000;
    private static final long RETRY_SECONDS = 5;
    /**
     * Redisson's contains() answers "no" instead of failing when the config it read is gone or
     * changed; a "no" is believed only if the filter it was asked of is still there, as it was.
     */
    private static final String INTACT = "if redis.call('hget', KEYS[1], 'size') == ARGV[1]"
            + " and redis.call('hget', KEYS[1], 'hashIterations') == ARGV[2]"
            + " and redis.call('exists', KEYS[2]) == 1 then return 1 end return 0";

    private final RedissonClient redis;
    private final JdbcClient jdbc;
    private final ProductCacheSettings settings;
    private final Counter rebuilds;
    private final Set<Long> pending = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean healing = new AtomicBoolean();
    private final ScheduledExecutorService healer =
            Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "product-known-ids-healer"));

    /** The filter in use and the config it was read with; null while it needs healing. */
    private volatile Filter filter;

    KnownProductIds(RedissonClient redis, JdbcClient jdbc, ProductCacheSettings settings, MeterRegistry meters) {
        this.redis = redis;
        this.jdbc = jdbc;
        this.settings = settings;
        this.rebuilds = meters.counter("product.known_ids.rebuilds");
    }

    boolean mightExist(long id) {
        Filter current = filter;
        if (current != null) {
            try {
                if (current.bloom().contains(id)) {
                    return true;
                }
                if (intact(current)) {
                    return false;
                }
            } catch (RuntimeException unreachable) {
                // Redis is down or failing: heal below
            }
            filter = null;
        }
        healLater();
        return true;
    }

    /** Inside the product's transaction; never fails it: a failed add is retried by the healer. */
    @EventListener
    void on(ProductWritten written) {
        Filter current = filter;
        try {
            if (current != null) {
                current.bloom().add(written.productId());
                return;
            }
        } catch (RuntimeException e) {
            log.warn("product {} not added to the Bloom filter yet: {}", written.productId(), e.toString());
            filter = null;
        }
        pending.add(written.productId());
        healLater();
    }

    @Override
    public void run(ApplicationArguments args) {
        if (healing.compareAndSet(false, true)) {
            heal(true);
        }
    }

    @Override
    public void destroy() {
        healer.shutdownNow();
    }

    private boolean intact(Filter current) {
        return redis.getScript(StringCodec.INSTANCE)
                .<Long>eval(
                        RScript.Mode.READ_ONLY,
                        INTACT,
                        RScript.ReturnType.INTEGER,
                        List.of(CONFIG, NAME),
                        current.size(),
                        current.hashIterations())
                .equals(1L);
    }

    private void healLater() {
        if (healing.compareAndSet(false, true)) {
            healer.execute(() -> heal(false));
        }
    }

    /** At start, an intact filter is also topped up with every id (an id may have been lost). */
    private void heal(boolean topUp) {
        try {
            Filter healed = intactOrRebuilt(topUp);
            List<Long> added = List.copyOf(pending);
            if (!added.isEmpty()) {
                healed.bloom().add(added);
                pending.removeAll(added);
            }
            filter = healed;
            healing.set(false);
            if (!pending.isEmpty()) {
                healLater();
            }
        } catch (RuntimeException e) {
            log.warn("Bloom filter of product ids not healed, trying again in {} s: {}", RETRY_SECONDS, e.toString());
            healer.schedule(() -> heal(topUp), RETRY_SECONDS, TimeUnit.SECONDS);
        }
    }

    private Filter intactOrRebuilt(boolean topUp) {
        RLock lock = redis.getLock(NAME + ":rebuilding");
        if (!lock.tryLock()) {
            throw new IllegalStateException("another instance is rebuilding it");
        }
        try {
            if (redis.getKeys().countExists(NAME, CONFIG) == 2) {
                Filter intact = Filter.of(redis.getBloomFilter(NAME, LongCodec.INSTANCE));
                if (topUp) {
                    log.info(
                            "Bloom filter of product ids holds {} ids",
                            addIds(intact.bloom(), 0).count());
                }
                return intact;
            }
            return rebuilt();
        } finally {
            try {
                lock.unlock();
            } catch (RuntimeException lost) {
                log.debug("rebuild lock already gone: {}", lost.toString());
            }
        }
    }

    private Filter rebuilt() {
        RBloomFilter<Long> building = redis.getBloomFilter(BUILDING, LongCodec.INSTANCE);
        building.delete();
        building.tryInit(settings.expectedProducts(), FALSE_POSITIVES);
        building.add(0L); // no product has id 0; its bits make the filter exist even with no products
        Filled filled = addIds(building, 0);
        building.rename(NAME); // bits and config in one script
        Filled caughtUp = addIds(building, filled.lastId()); // products created while it was filling
        rebuilds.increment();
        log.info("Bloom filter of product ids rebuilt with {} ids", filled.count() + caughtUp.count());
        return Filter.of(building);
    }

    private Filled addIds(RBloomFilter<Long> bloom, long afterId) {
        long last = afterId;
        long total = 0;
        List<Long> ids;
        do {
            ids = jdbc.sql("SELECT id FROM product WHERE id > ? ORDER BY id LIMIT ?")
                    .params(last, PAGE)
                    .query(Long.class)
                    .list();
            if (!ids.isEmpty()) {
                bloom.add(ids);
                last = ids.get(ids.size() - 1);
                total += ids.size();
            }
        } while (ids.size() == PAGE);
        return new Filled(last, total);
    }

    private record Filled(long lastId, long count) {}

    /**
     * A filter and the config it answers with. The config is read before the filter's first use,
     * which reads it again (lazily): if it changed in between, {@link #intact} fails and the
     * filter is read anew.
     */
    private record Filter(RBloomFilter<Long> bloom, String size, String hashIterations) {

        static Filter of(RBloomFilter<Long> bloom) {
            return new Filter(bloom, Long.toString(bloom.getSize()), Integer.toString(bloom.getHashIterations()));
        }
    }
}
