package io.shop.product.detail;

import io.shop.product.catalog.ProductWritten;
import java.util.List;
import org.redisson.api.RBloomFilter;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.LongCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A Bloom filter in Redis of every product id there is, shared by all instances: ids it has never
 * seen are answered "not found" without touching Redis' cache or the database (cache penetration
 * by random ids). Filled from the database at start and on every new product. Products are never
 * deleted, so the filter never needs to forget. If the filter is missing (a flushed Redis), every
 * id may exist until it is rebuilt: answers stay right, only the protection is off.
 */
@Component
@Order(2)
class KnownProductIds implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(KnownProductIds.class);
    private static final int PAGE = 10_000;

    private final RBloomFilter<Long> filter;
    private final JdbcClient jdbc;
    private final ProductCacheSettings settings;

    KnownProductIds(RedissonClient redis, JdbcClient jdbc, ProductCacheSettings settings) {
        this.filter = redis.getBloomFilter("product:known-ids", LongCodec.INSTANCE);
        this.jdbc = jdbc;
        this.settings = settings;
    }

    boolean mightExist(long id) {
        try {
            return filter.contains(id);
        } catch (RuntimeException notInitialised) {
            return true;
        }
    }

    @EventListener
    void on(ProductWritten written) {
        filter.add(written.productId());
    }

    @Override
    public void run(ApplicationArguments args) {
        filter.tryInit(settings.expectedProducts(), 0.001);
        long last = 0;
        long total = 0;
        List<Long> ids;
        do {
            ids = jdbc.sql("SELECT id FROM product WHERE id > ? ORDER BY id LIMIT ?")
                    .params(last, PAGE)
                    .query(Long.class)
                    .list();
            if (!ids.isEmpty()) {
                filter.add(ids);
                last = ids.get(ids.size() - 1);
                total += ids.size();
            }
        } while (ids.size() == PAGE);
        log.info("Bloom filter of product ids holds {} ids", total);
    }
}
