package io.shop.product.detail;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How long product pages stay cached ({@code shop.product.cache.ttl}), as operators set them while
 * product-service runs; a page cached before a change keeps the time it was cached with. Redis TTLs
 * are spread by {@code jitter} (a fraction, e.g. 0.1 = +-10%) so entries written together do not
 * expire together. The local TTL bounds how stale an instance can be if an invalidation message
 * never reaches it, so it may not be longer than the Redis one.
 *
 * @param redis a page in Redis
 * @param missing the answer "no such product", in Redis and locally
 * @param local a page in an instance's memory
 * @param jitter from 0 to 0.5
 */
record ProductCacheTtls(Duration redis, Duration missing, Duration local, double jitter) {

    static final String PREFIX = "shop.product.cache.ttl";

    ProductCacheTtls {
        for (Duration ttl : new Duration[] {redis, missing, local}) {
            if (ttl == null || ttl.compareTo(Duration.ofSeconds(1)) < 0) {
                throw new IllegalArgumentException(PREFIX + ": every TTL must be at least 1s, was " + ttl);
            }
        }
        if (local.compareTo(redis) > 0) {
            throw new IllegalArgumentException(
                    PREFIX + ".local (" + local + ") must not be longer than " + PREFIX + ".redis (" + redis + ")");
        }
        if (!(jitter >= 0 && jitter <= 0.5)) {
            throw new IllegalArgumentException(PREFIX + ".jitter must be between 0 and 0.5, was " + jitter);
        }
    }

    Duration jittered(Duration ttl) {
        if (jitter == 0) {
            return ttl;
        }
        double factor = 1 + ThreadLocalRandom.current().nextDouble(-jitter, jitter);
        return Duration.ofMillis(Math.max(1, (long) (ttl.toMillis() * factor)));
    }

    /** Locally, "no such product" is kept no longer than a page. */
    Duration localMissing() {
        return missing.compareTo(local) < 0 ? missing : local;
    }
}
