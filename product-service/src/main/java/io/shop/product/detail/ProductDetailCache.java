package io.shop.product.detail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.redisson.api.RBucket;
import org.redisson.api.RLock;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.springframework.stereotype.Component;

/**
 * Product pages from a local cache (Caffeine), then Redis, then the database.
 *
 * <ul>
 *   <li>Penetration: ids the {@link KnownProductIds} filter has never seen stop at this instance
 *       (remembered locally as missing); a miss that passed it is cached as "missing" in Redis and
 *       locally for {@code missingTtl}. A new product's broadcast drops such local entries.
 *   <li>Breakdown: one load per id at a time: Caffeine runs one loader per key in this instance,
 *       a Redisson lock one per key across instances; the others wait, then read what it wrote.
 *   <li>Avalanche: Redis TTLs are jittered.
 * </ul>
 *
 * Metrics: {@code cache.gets{cache=product-detail}} (local), {@code product.detail.redis{result}},
 * {@code product.detail.loads{result=found|missing}}, {@code product.detail.rejected}.
 */
@Component
class ProductDetailCache {

    /** Cached in Redis for an id that has no product. */
    private static final String MISSING = "-";

    private final Cache<Long, Optional<ProductDetail>> local;
    private final RedissonClient redis;
    private final ProductDetailLoader loader;
    private final KnownProductIds knownIds;
    private final ObjectMapper json;
    private final ProductCacheSettings settings;
    private final Counter redisHits;
    private final Counter redisMisses;
    private final Counter loadsFound;
    private final Counter loadsMissing;
    private final Counter rejected;

    ProductDetailCache(
            RedissonClient redis,
            ProductDetailLoader loader,
            KnownProductIds knownIds,
            ObjectMapper json,
            ProductCacheSettings settings,
            MeterRegistry meters) {
        this.redis = redis;
        this.loader = loader;
        this.knownIds = knownIds;
        this.json = json;
        this.settings = settings;
        this.local = Caffeine.newBuilder()
                .maximumSize(settings.localMaxEntries())
                .expireAfter(localExpiry(settings))
                .recordStats()
                .build();
        CaffeineCacheMetrics.monitor(meters, local, "product-detail");
        this.redisHits = meters.counter("product.detail.redis", "result", "hit");
        this.redisMisses = meters.counter("product.detail.redis", "result", "miss");
        this.loadsFound = meters.counter("product.detail.loads", "result", "found");
        this.loadsMissing = meters.counter("product.detail.loads", "result", "missing");
        this.rejected = meters.counter("product.detail.rejected");
    }

    /** A local hit costs no I/O; only a local miss asks the Bloom filter, then Redis. */
    Optional<ProductDetail> get(long id) {
        return local.get(id, this::load);
    }

    /** Drops the page everywhere this instance can reach: Redis and its own local cache. */
    void evict(long id) {
        bucket(id).delete();
        local.invalidate(id);
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
        return fromRedisOrDatabase(id);
    }

    private Optional<ProductDetail> fromRedisOrDatabase(long id) {
        RBucket<String> bucket = bucket(id);
        String cached = bucket.get();
        if (cached != null) {
            redisHits.increment();
            return decode(cached);
        }
        redisMisses.increment();
        RLock loading = redis.getLock("product:detail:loading:" + id);
        boolean locked = lock(loading);
        try {
            cached = locked ? bucket.get() : null;
            if (cached != null) {
                return decode(cached);
            }
            // not locked: the lock holder took longer than the wait; the page is still served
            Optional<ProductDetail> loaded = loader.load(id);
            (loaded.isPresent() ? loadsFound : loadsMissing).increment();
            bucket.set(
                    loaded.map(this::encode).orElse(MISSING),
                    settings.jittered(loaded.isPresent() ? settings.redisTtl() : settings.missingTtl()));
            return loaded;
        } finally {
            if (locked) {
                loading.unlock();
            }
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

    private RBucket<String> bucket(long id) {
        return redis.getBucket("product:detail:" + id, StringCodec.INSTANCE);
    }

    private Optional<ProductDetail> decode(String cached) {
        if (MISSING.equals(cached)) {
            return Optional.empty();
        }
        try {
            return Optional.of(json.readValue(cached, ProductDetail.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable cached product page", e);
        }
    }

    private String encode(ProductDetail detail) {
        try {
            return json.writeValueAsString(detail);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Expiry<Long, Optional<ProductDetail>> localExpiry(ProductCacheSettings settings) {
        Duration found = settings.localTtl();
        Duration missing = settings.missingTtl().compareTo(found) < 0 ? settings.missingTtl() : found;
        return Expiry.writing((id, page) -> page.isPresent() ? found : missing);
    }
}
