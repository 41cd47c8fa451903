package io.shop.product.detail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.shop.product.catalog.CatalogFixture;
import io.shop.support.identity.Passports;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

/**
 * Redis losing its data (a restart of this machine's Redis, which keeps nothing on disk, or a
 * FLUSHALL) while product-service runs. A FLUSHALL would also wipe the running shop's carts,
 * sessions and refresh tokens, so the test deletes only product-service's keys: the Bloom filter
 * (bits and config hash) and every product page, which is what a flush does to this service.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
class RedisDataLossIT {

    /** Redisson keeps a Bloom filter's bits under its name and its size and hash count beside it. */
    private static final String BLOOM_BITS = "product:known-ids";

    private static final String BLOOM_CONFIG = "{product:known-ids}:config";

    @Autowired
    TestRestTemplate http;

    @Autowired
    CatalogFixture catalog;

    @Autowired
    RedissonClient redis;

    @Autowired
    KnownProductIds knownIds;

    @Autowired
    ProductDetailCache cache;

    @Autowired
    MeterRegistry meters;

    @Test
    void afterRedisLostItsDataPagesAreServedProductsAreCreatedAndTheBloomFilterIsRebuiltOnce() {
        long before = catalog.product(CatalogFixture.unique("Enamel Mug"), 3, 1900);
        assertThat(http.getForEntity("/api/products/{id}", String.class, before).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        double rebuilds = rebuilds();

        loseProductServiceKeys();
        cache.evictLocal(before);
        List<Long> unknown = LongStream.range(0, 20)
                .map(i -> ThreadLocalRandom.current().nextLong(1L << 51, 1L << 60))
                .boxed()
                .toList();
        unknown.parallelStream().forEach(id -> http.getForEntity("/api/products/{id}", String.class, id));

        var page = http.getForEntity("/api/products/{id}", String.class, before);
        var created = createProduct(CatalogFixture.unique("Flushed Teapot"));

        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        long after = ((Number) created.getBody().get("id")).longValue();
        assertThat(http.getForEntity("/api/products/{id}", String.class, after).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        // healed: the filter rejects random ids again, and knows the products from before and after
        await().atMost(Duration.ofMinutes(1)).until(() -> anyRejected(unknown));
        assertThat(knownIds.mightExist(before)).isTrue();
        assertThat(knownIds.mightExist(after)).isTrue();
        assertThat(rebuilds() - rebuilds).isLessThanOrEqualTo(1);
    }

    private void loseProductServiceKeys() {
        redis.getKeys().delete(BLOOM_BITS, BLOOM_CONFIG);
        redis.getKeys().deleteByPattern("product:detail:*");
        assertThat(redis.getKeys().countExists(BLOOM_BITS, BLOOM_CONFIG)).isZero();
    }

    private boolean anyRejected(List<Long> ids) {
        return IntStream.range(0, ids.size()).anyMatch(i -> !knownIds.mightExist(ids.get(i)));
    }

    private double rebuilds() {
        return meters.counter("product.known_ids.rebuilds").count();
    }

    private ResponseEntity<Map> createProduct(String title) {
        var headers = new HttpHeaders();
        headers.set(
                Passports.HEADER, Passports.Issuer.ofGatewayFromEnvironment().issue("1", "customer,admin"));
        var body = Map.of(
                "title", title,
                "categoryId", catalog.category().id(),
                "brandId", catalog.brand().id(),
                "skus", List.of(Map.of("specs", Map.of("colour", "Red"), "priceCents", 2500, "stock", 4)));
        return http.exchange("/api/admin/products", HttpMethod.POST, new HttpEntity<>(body, headers), Map.class);
    }
}
