package io.shop.product.detail;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import io.shop.api.ShopException;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.redisson.api.RLock;
import org.redisson.api.RedissonClient;
import org.redisson.client.RedisException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Product pages from a local cache (Caffeine), then Redis ({@link ProductPages}), then the
 * database.
 *
 * <ul>
 *   <li>Penetration: ids the {@link KnownProductIds} filter has never seen stop at this instance
 *       (remembered locally as missing); a miss that passed it is cached as "missing" in Redis and
 *       locally for the TTL of "missing" ({@link ProductCacheTtls}). A new product's invalidation drops such entries.
 *   <li>Breakdown: one load per id at a time: Caffeine runs one loader per key in this instance,
 *       a Redisson lock one per key across instances; the others wait, then read what it wrote.
 *   <li>Avalanche: Redis TTLs are jittered.
 *   <li>Redis down: pages come from the database alone, at most {@code maxLoadsWithoutRedis} at
 *       a time in this instance (beyond that: 503 {@code CATALOG_BUSY}), and are cached locally.
 *   <li>Going back in time: every level knows the version of what it holds. An invalidation for
 *       version v drops only older pages and leaves "at least v" behind (a marker in Redis, a
 *       floor here), so a load that read the row before v committed cannot be cached after it.
 * </ul>
 *
 * Metrics: {@code cache.gets{cache=product-detail}} (local), {@code product.detail.redis{result}},
 * {@code product.detail.loads{result=found|missing}}, {@code product.detail.rejected},
 * {@code product.detail.without_redis{result=loaded|busy}}.
 */
@Component
class ProductDetailCache {

    static final String CATALOG_BUSY = "CATALOG_BUSY";

    private static final Logger log = LoggerFactory.getLogger(ProductDetailCache.class);

    private final Cache<Long, Optional<ProductDetail>> local;
    /** The least version this instance may cache locally, per product: what invalidations said. */
    private final Cache<Long, Long> floors;

    private final ProductPages pages;
    private final RedissonClient redis;
    private final ProductDetailLoader loader;
    private final KnownProductIds knownIds;
    private final ProductCacheSettings settings;
    private final Counter redisHits;
    private final Counter redisMisses;
    private final Counter loadsFound;
    private final Counter loadsMissing;
    private final Counter rejected;
    private final Semaphore loadsWithoutRedis;
    private final Counter loadedWithoutRedis;
    private final Counter busyWithoutRedis;

    ProductDetailCache(
            ProductPages pages,
            RedissonClient redis,
            ProductDetailLoader loader,
            KnownProductIds knownIds,
            ProductCacheSettings settings,
            Supplier<ProductCacheTtls> ttls,
            MeterRegistry meters) {
        this.pages = pages;
        this.redis = redis;
        this.loader = loader;
        this.knownIds = knownIds;
        this.settings = settings;
        this.local = Caffeine.newBuilder()
                .maximumSize(settings.localMaxEntries())
                .expireAfter(localExpiry(ttls))
                .recordStats()
                .build();
        // a floor matters only to loads already running when it was set; those end well within this
        this.floors = Caffeine.newBuilder()
                .maximumSize(settings.localMaxEntries())
                .expireAfter(
                        Expiry.<Long, Long>writing((id, version) -> ttls.get().local()))
                .build();
        CaffeineCacheMetrics.monitor(meters, local, "product-detail");
        this.redisHits = meters.counter("product.detail.redis", "result", "hit");
        this.redisMisses = meters.counter("product.detail.redis", "result", "miss");
        this.loadsFound = meters.counter("product.detail.loads", "result", "found");
        this.loadsMissing = meters.counter("product.detail.loads", "result", "missing");
        this.rejected = meters.counter("product.detail.rejected");
        this.loadsWithoutRedis = new Semaphore(settings.maxLoadsWithoutRedis());
        this.loadedWithoutRedis = meters.counter("product.detail.without_redis", "result", "loaded");
        this.busyWithoutRedis = meters.counter("product.detail.without_redis", "result", "busy");
    }

    /** A local hit costs no I/O; only a local miss asks the Bloom filter, then Redis. */
    Optional<ProductDetail> get(long id) {
        Optional<ProductDetail> page = local.get(id, this::load);
        // a load that finished after an invalidation it had read too early for: not kept
        Long floor = floors.getIfPresent(id);
        if (floor != null && ProductPages.versionOf(page) < floor) {
            local.asMap().remove(id, page);
        }
        return page;
    }

    /**
     * The product changed to {@code version}: drops older pages here and in Redis, and keeps
     * pages already that new (a late or repeated invalidation, or the product's own creation).
     */
    void invalidate(long id, long version) {
        floors.asMap().merge(id, version, Math::max);
        local.asMap().computeIfPresent(id, (key, page) -> ProductPages.versionOf(page) >= version ? page : null);
        pages.invalidate(id, version);
    }

    /** Drops the page from this instance's local cache only (what a lost broadcast would leave). */
    void evictLocal(long id) {
        local.invalidate(id);
    }

    private Optional<ProductDetail> load(long id) {
        if (!knownIds.mightExist(id)) {
            rejected.increment();
            return Optional.empty();
        }
        try {
            return fromRedisOrDatabase(id);
        } catch (RedisException unreachable) {
            return withoutRedis(id, unreachable);
        }
    }

    /**
     * Redis is down or failing before the database was read. Without its cross-instance load lock
     * every request could reach the database, so this instance loads only so many at a time.
     */
    private Optional<ProductDetail> withoutRedis(long id, RedisException cause) {
        if (!loadsWithoutRedis.tryAcquire()) {
            busyWithoutRedis.increment();
            throw new ShopException(
                    ShopException.Kind.UNAVAILABLE,
                    CATALOG_BUSY,
                    "the catalog is busy, try again shortly (product " + id + ")");
        }
        try {
            log.debug("product {} read without Redis: {}", id, cause.toString());
            Optional<ProductDetail> loaded = loader.load(id);
            loadedWithoutRedis.increment();
            return loaded;
        } finally {
            loadsWithoutRedis.release();
        }
    }

    private Optional<ProductDetail> fromRedisOrDatabase(long id) {
        Optional<ProductDetail> cached = pages.read(id);
        if (cached != null) {
            redisHits.increment();
            return cached;
        }
        redisMisses.increment();
        RLock loading = redis.getLock("product:detail:loading:" + id);
        boolean locked = lock(loading);
        try {
            cached = locked ? pages.read(id) : null;
            if (cached != null) {
                return cached;
            }
            // not locked: the lock holder took longer than the wait; the page is still served
            Optional<ProductDetail> loaded = loader.load(id);
            (loaded.isPresent() ? loadsFound : loadsMissing).increment();
            remember(id, loaded);
            return loaded;
        } finally {
            if (locked) {
                unlock(loading);
            }
        }
    }

    /** Writes what the database said to Redis; Redis failing now must not cost another load. */
    private void remember(long id, Optional<ProductDetail> loaded) {
        try {
            long held = pages.write(id, loaded);
            if (held > ProductPages.versionOf(loaded)) {
                floors.asMap().merge(id, held, Math::max);
            }
        } catch (RedisException e) {
            log.debug("page of product {} not written to Redis: {}", id, e.toString());
        }
    }

    private static void unlock(RLock lock) {
        try {
            lock.unlock();
        } catch (RedisException | IllegalMonitorStateException e) {
            // its lease ends it
        }
    }

    private boolean lock(RLock lock) {
        try {
            return lock.tryLock(
                    settings.loadLockWait().toMillis(), settings.loadLockLease().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Read as each page is cached: a page keeps the TTL it was cached with. */
    private static Expiry<Long, Optional<ProductDetail>> localExpiry(Supplier<ProductCacheTtls> ttls) {
        return Expiry.writing(
                (id, page) -> page.isPresent() ? ttls.get().local() : ttls.get().localMissing());
    }
}
