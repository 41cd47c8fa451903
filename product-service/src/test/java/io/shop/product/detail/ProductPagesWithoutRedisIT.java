package io.shop.product.detail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.shop.api.ShopException;
import io.shop.product.catalog.CatalogFixture;
import io.shop.product.catalog.Categories;
import io.shop.product.catalog.Products;
import io.shop.support.LiveSettings;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * Product pages with Redis down entirely. The shared Redis cannot be stopped for a test, so this
 * cache is built on a Redisson client of a port where nothing listens, over the real database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
class ProductPagesWithoutRedisIT {

    private static final int LIMIT = 2;

    @Autowired
    CatalogFixture catalog;

    @Autowired
    Products products;

    @Autowired
    Categories categories;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ObjectMapper json;

    @Autowired
    ProductCacheSettings settings;

    @Autowired
    LiveSettings<ProductCacheTtls> ttls;

    private final ExecutorService readers = Executors.newFixedThreadPool(LIMIT);
    private RedissonClient deadRedis;
    private KnownProductIds knownIds;

    @BeforeEach
    void redisWhereNothingListens() throws Exception {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, loopback)) {
            port = socket.getLocalPort();
        }
        Config config = new Config().setLazyInitialization(true);
        config.useSingleServer()
                .setAddress("redis://" + loopback.getHostAddress() + ":" + port)
                .setConnectTimeout(200)
                .setTimeout(200)
                .setRetryAttempts(0);
        deadRedis = Redisson.create(config);
    }

    @AfterEach
    void stop() {
        readers.shutdownNow();
        if (knownIds != null) {
            knownIds.destroy();
        }
        deadRedis.shutdown();
    }

    @Test
    void withRedisDownPagesComeFromTheDatabaseAndLoadsBeyondTheLimitAreBusy() throws Exception {
        long served = catalog.product(CatalogFixture.unique("Offline Cup"), 3, 1200);
        long first = catalog.product(CatalogFixture.unique("Offline Jug"), 3, 2200);
        long second = catalog.product(CatalogFixture.unique("Offline Bowl"), 3, 3200);
        long beyond = catalog.product(CatalogFixture.unique("Offline Plate"), 3, 4200);
        CountDownLatch loading = new CountDownLatch(LIMIT);
        CountDownLatch release = new CountDownLatch(1);
        Set<Long> held = Set.of(first, second);
        ProductDetailLoader database = new ProductDetailLoader(products, categories) {
            @Override
            public Optional<ProductDetail> load(long id) {
                Optional<ProductDetail> page = super.load(id);
                if (held.contains(id)) {
                    loading.countDown();
                    awaitQuietly(release);
                }
                return page;
            }
        };
        ProductDetailCache cache = cacheOn(deadRedis, database);

        assertThat(cache.get(served))
                .hasValueSatisfying(page -> assertThat(page.minPriceCents()).isEqualTo(1200));

        Future<Optional<ProductDetail>> firstRead = readers.submit(() -> cache.get(first));
        Future<Optional<ProductDetail>> secondRead = readers.submit(() -> cache.get(second));
        loading.await(); // both loads are in the database now: the limit is reached
        assertThatThrownBy(() -> cache.get(beyond)).isInstanceOfSatisfying(ShopException.class, e -> {
            assertThat(e.kind()).isEqualTo(ShopException.Kind.UNAVAILABLE);
            assertThat(e.code()).isEqualTo("CATALOG_BUSY");
        });
        release.countDown();

        assertThat(firstRead.get()).isPresent();
        assertThat(secondRead.get()).isPresent();
        assertThat(cache.get(beyond))
                .hasValueSatisfying(page -> assertThat(page.minPriceCents()).isEqualTo(4200));
    }

    private ProductDetailCache cacheOn(RedissonClient redis, ProductDetailLoader database) {
        var limited = new ProductCacheSettings(
                settings.localMaxEntries(),
                settings.loadLockWait(),
                settings.loadLockLease(),
                settings.expectedProducts(),
                LIMIT);
        var meters = new SimpleMeterRegistry();
        knownIds = new KnownProductIds(redis, jdbc, limited, meters);
        return new ProductDetailCache(
                new ProductPages(redis, json, ttls), redis, database, knownIds, limited, ttls, meters);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
