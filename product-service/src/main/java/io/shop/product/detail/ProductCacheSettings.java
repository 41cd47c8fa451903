package io.shop.product.detail;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The product page cache's sizes and locks, fixed while product-service runs (its TTLs are {@link
 * ProductCacheTtls}, which operators change at run time). While Redis cannot be reached, pages are
 * loaded from the database by at most {@code maxLoadsWithoutRedis} requests at a time per
 * instance; the others are answered 503.
 */
@ConfigurationProperties("shop.product.cache")
record ProductCacheSettings(
        long localMaxEntries,
        Duration loadLockWait,
        Duration loadLockLease,
        long expectedProducts,
        int maxLoadsWithoutRedis) {}
