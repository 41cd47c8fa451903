package io.shop.product.detail;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.shop.product.catalog.CatalogFixture;
import io.shop.product.catalog.ProductWritten;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
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
        knownIds.on(new ProductWritten(missing)); // as if a Bloom filter false positive
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
        long id = catalog.product(CatalogFixture.unique("Cold Kettle"), 3, 4500);
        cache.evict(id);
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
