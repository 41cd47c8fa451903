package io.shop.product.detail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.shop.product.catalog.CatalogFixture;
import io.shop.support.LiveSettings;
import io.shop.testsupport.SettingsChanges;
import io.shop.testsupport.ZookeeperConfig;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The page cache's TTLs as an operator changes them in ZooKeeper (the node layout {@code ./shop
 * config push} writes), under this in-process instance's own config root: a shorter Redis TTL holds
 * for the next page cached, within seconds and without a restart; a local TTL longer than the Redis
 * one is refused and the TTLs in force stay.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
class ProductCacheTtlsIT {

    private static final Duration SECONDS = Duration.ofSeconds(30);
    private static final String TTL = ProductCacheTtls.PREFIX + ".";

    @Autowired
    CatalogFixture catalog;

    @Autowired
    ProductDetailCache cache;

    @Autowired
    LiveSettings<ProductCacheTtls> ttls;

    @Autowired
    RedissonClient redis;

    @Autowired
    MeterRegistry meters;

    @Value("${spring.cloud.zookeeper.connect-string}")
    String zookeeperAddress;

    @Value("${spring.cloud.zookeeper.config.root}")
    String configRoot;

    @Test
    void aRedisTtlChangedWhileRunningHoldsForTheNextPageCachedAndABrokenSetIsRefused() throws Exception {
        ProductCacheTtls configured = ttls.get();
        ProductCacheTtls shorter =
                new ProductCacheTtls(Duration.ofMinutes(5), configured.missing(), configured.local(), 0);
        try (ZookeeperConfig config = ZookeeperConfig.of(zookeeperAddress, configRoot, "product-service")) {
            config.set(TTL + "redis", "5m");
            config.set(TTL + "jitter", "0");
            await().atMost(SECONDS).until(() -> ttls.get().equals(shorter));

            long id = catalog.product(CatalogFixture.unique("Short-lived Teapot"), 7, 1299, 1499);
            assertThat(cache.get(id)).isPresent();
            long ttl = redis.getBucket(ProductPages.key(id)).remainTimeToLive();
            assertThat(Duration.ofMillis(ttl)).isBetween(Duration.ofMinutes(4), Duration.ofMinutes(5));

            double refusedBefore = SettingsChanges.refused(meters, ProductCacheTtls.PREFIX);
            config.set(TTL + "local", "10m");
            await().atMost(SECONDS)
                    .until(() -> SettingsChanges.refused(meters, ProductCacheTtls.PREFIX) > refusedBefore);
            assertThat(ttls.get()).isEqualTo(shorter);
        }
        await().atMost(SECONDS).until(() -> ttls.get().equals(configured));
    }
}
