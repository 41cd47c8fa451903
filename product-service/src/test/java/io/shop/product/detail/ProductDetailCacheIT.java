package io.shop.product.detail;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.shop.product.catalog.CatalogAdmin;
import io.shop.product.catalog.CatalogFixture;
import io.shop.product.catalog.Categories;
import io.shop.product.catalog.ProductWritten;
import io.shop.product.catalog.Products;
import io.shop.support.LiveSettings;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.ActiveProfiles;

/** The cache levels, counted through their metrics against the real Redis and MariaDB. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
class ProductDetailCacheIT {

    @Autowired
    TestRestTemplate http;

    @Autowired
    CatalogFixture catalog;

    @Autowired
    ProductDetailCache cache;

    @Autowired
    KnownProductIds knownIds;

    @Autowired
    MeterRegistry meters;

    @Autowired
    ProductPages pages;

    @Autowired
    RedissonClient redis;

    @Autowired
    ProductCacheSettings settings;

    @Autowired
    LiveSettings<ProductCacheTtls> ttls;

    @Autowired
    Products products;

    @Autowired
    Categories categories;

    @Autowired
    CatalogAdmin admin;

    @Test
    void firstReadLoadsFromTheDatabaseAndLaterReadsHitTheCache() {
        long id = catalog.product(CatalogFixture.unique("Porcelain Tea Cup"), 7, 1299, 1499);
        double loads = loads("found");
        double cacheHits = cacheHits();

        var first = http.getForEntity("/api/products/{id}", String.class, id);
        var second = http.getForEntity("/api/products/{id}", String.class, id);
        var third = http.getForEntity("/api/products/{id}", String.class, id);

        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(first.getBody()).contains("Porcelain Tea Cup").contains("\"priceCents\":1499");
        assertThat(second.getBody()).isEqualTo(first.getBody());
        assertThat(third.getBody()).isEqualTo(first.getBody());
        assertThat(loads("found") - loads).isEqualTo(1);
        assertThat(cacheHits() - cacheHits).isEqualTo(2);
    }

    @Test
    void aMissingIdReachesTheDatabaseOnceWithinTheMissingTtl() {
        long missing = ThreadLocalRandom.current().nextLong(1L << 40, 1L << 50);
        knownIds.on(new ProductWritten(missing, 1)); // as if a Bloom filter false positive
        double loads = loads("missing");

        assertThat(http.getForEntity("/api/products/{id}", String.class, missing)
                        .getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        cache.evictLocal(missing); // the next read must find the cached miss in Redis
        assertThat(http.getForEntity("/api/products/{id}", String.class, missing)
                        .getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(http.getForEntity("/api/products/{id}", String.class, missing)
                        .getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);

        assertThat(loads("missing") - loads).isEqualTo(1);
    }

    @Test
    void anIdTheBloomFilterNeverSawReachesNeitherRedisNorTheDatabase() {
        long unknown = IntStream.range(0, 100)
                .mapToLong(i -> ThreadLocalRandom.current().nextLong(1L << 51, 1L << 60))
                .filter(id -> !knownIds.mightExist(id))
                .findFirst()
                .orElseThrow();
        double rejected = meters.counter("product.detail.rejected").count();
        double redisMisses =
                meters.counter("product.detail.redis", "result", "miss").count();

        var response = http.getForEntity("/api/products/{id}", String.class, unknown);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(response.getBody()).contains("\"code\":\"PRODUCT_NOT_FOUND\"");
        assertThat(meters.counter("product.detail.rejected").count() - rejected).isEqualTo(1);
        assertThat(meters.counter("product.detail.redis", "result", "miss").count())
                .isEqualTo(redisMisses);
    }

    @Test
    void hundredConcurrentFirstReadsOfOneColdIdLoadItOnce() throws Exception {
        long id = catalog.product(CatalogFixture.unique("Cold Kettle"), 3, 4500); // nobody read it yet
        double loads = loads("found");
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService readers = Executors.newFixedThreadPool(100);

        List<Future<Optional<ProductDetail>>> reads = IntStream.range(0, 100)
                .mapToObj(i -> readers.submit(() -> {
                    start.await();
                    return cache.get(id);
                }))
                .toList();
        start.countDown();
        for (Future<Optional<ProductDetail>> read : reads) {
            assertThat(read.get())
                    .hasValueSatisfying(page -> assertThat(page.id()).isEqualTo(id));
        }
        readers.shutdown();

        assertThat(loads("found") - loads).isEqualTo(1);
    }

    @Test
    void aLoadOnAnotherInstanceIsReadFromRedisInsteadOfTheDatabase() {
        long id = catalog.product(CatalogFixture.unique("Shared Lamp"), 3, 2500);
        cache.get(id);
        cache.evictLocal(id); // this instance forgets; Redis keeps what the first read wrote
        double loads = loads("found");
        double redisHits =
                meters.counter("product.detail.redis", "result", "hit").count();

        assertThat(cache.get(id)).isPresent();

        assertThat(loads("found")).isEqualTo(loads);
        assertThat(meters.counter("product.detail.redis", "result", "hit").count() - redisHits)
                .isEqualTo(1);
    }

    @Test
    void aLateOrRepeatedInvalidationKeepsAPageThatIsAlreadyThatNew() {
        long id = catalog.product(CatalogFixture.unique("Walnut Tray"), 3, 3100);
        assertThat(cache.get(id))
                .hasValueSatisfying(page -> assertThat(page.version()).isEqualTo(1));
        double loads = loads("found");
        double redisHits =
                meters.counter("product.detail.redis", "result", "hit").count();

        cache.invalidate(id, 1); // the product's own creation, heard again
        assertThat(cache.get(id)).isPresent(); // still in the local cache
        cache.evictLocal(id);
        assertThat(cache.get(id)).isPresent(); // still in Redis

        assertThat(loads("found")).isEqualTo(loads);
        assertThat(meters.counter("product.detail.redis", "result", "hit").count() - redisHits)
                .isEqualTo(1);
    }

    @Test
    void aReaderThatLoadedTheOldRowBeforeAChangeCannotCacheItAfterTheInvalidation() throws Exception {
        long id = catalog.product(CatalogFixture.unique("Oak Shelf"), 3, 5000);
        CountDownLatch loadedOldRow = new CountDownLatch(1);
        CountDownLatch changeCommitted = new CountDownLatch(1);
        ProductDetailLoader slowReader = new ProductDetailLoader(products, categories) {
            @Override
            public Optional<ProductDetail> load(long productId) {
                Optional<ProductDetail> page = super.load(productId);
                loadedOldRow.countDown();
                awaitQuietly(changeCommitted);
                return page;
            }
        };
        // another instance, with its own local cache, whose database read is slow
        var otherInstance =
                new ProductDetailCache(pages, redis, slowReader, knownIds, settings, ttls, new SimpleMeterRegistry());

        CompletableFuture<Optional<ProductDetail>> read = CompletableFuture.supplyAsync(() -> otherInstance.get(id));
        loadedOldRow.await();
        admin.setPrice(id, catalog.sku(id), 4200); // version 2; this instance invalidates after the commit
        otherInstance.invalidate(id, 2); // the change's broadcast reaching the other instance
        changeCommitted.countDown();

        assertThat(read.get())
                .hasValueSatisfying(page -> assertThat(page.version()).isEqualTo(1));
        assertThat(pages.read(id))
                .as("Redis holds no page, only the marker of version 2")
                .isNull();
        assertThat(otherInstance.get(id)).hasValueSatisfying(page -> {
            assertThat(page.version()).isEqualTo(2);
            assertThat(page.minPriceCents()).isEqualTo(4200);
        });
        assertThat(cache.get(id))
                .hasValueSatisfying(page -> assertThat(page.version()).isEqualTo(2));
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private double loads(String result) {
        return meters.counter("product.detail.loads", "result", result).count();
    }

    /** Reads answered by either level: this instance's own cache or Redis. */
    private double cacheHits() {
        return meters.get("cache.gets")
                        .tags("cache", "product-detail", "result", "hit")
                        .functionCounter()
                        .count()
                + meters.counter("product.detail.redis", "result", "hit").count();
    }
}
