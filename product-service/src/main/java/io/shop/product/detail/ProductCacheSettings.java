package io.shop.product.detail;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How long product pages stay cached. Redis TTLs are spread by {@code jitter} (a fraction, e.g.
 * 0.1 = +-10%) so entries written together do not expire together. The local TTL bounds how stale
 * an instance can be if an invalidation message never reaches it. While Redis cannot be reached,
 * pages are loaded from the database by at most {@code maxLoadsWithoutRedis} requests at a time
 * per instance; the others are answered 503.
 */
@ConfigurationProperties("shop.product.cache")
record ProductCacheSettings(
        Duration redisTtl,
        Duration missingTtl,
        Duration localTtl,
        long localMaxEntries,
        double jitter,
        Duration loadLockWait,
        Duration loadLockLease,
        long expectedProducts,
        int maxLoadsWithoutRedis) {

    Duration jittered(Duration ttl) {
        double factor = 1 + ThreadLocalRandom.current().nextDouble(-jitter, jitter);
        return Duration.ofMillis(Math.max(1, (long) (ttl.toMillis() * factor)));
    }
}
