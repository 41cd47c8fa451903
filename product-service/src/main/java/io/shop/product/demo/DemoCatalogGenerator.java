package io.shop.product.demo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shop.api.product.ProductChanged;
import io.shop.api.product.ProductListing;
import io.shop.api.product.ProductTopics;
import io.shop.support.outbox.Outbox;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Fills an empty catalog with {@code shop.demo.products} generated products (the same ones every
 * time: a fixed seed) across 12 top categories with 25 subcategories each and 200 brands, each
 * product with 1-3 SKUs, and announces them like any other new product (outbox), so search indexes
 * them. Does nothing when the catalog has products.
 */
@Component
@Order(1)
@ConditionalOnExpression("${shop.demo.products:0} > 0")
class DemoCatalogGenerator implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoCatalogGenerator.class);

    private final JdbcTemplate jdbc;
    private final Outbox outbox;
    private final Clock clock;
    private final ObjectMapper json;
    private final int size;

    DemoCatalogGenerator(
            JdbcTemplate jdbc,
            Outbox outbox,
            Clock clock,
            ObjectMapper json,
            @Value("${shop.demo.products}") int size) {
        this.jdbc = jdbc;
        this.json = json;
        this.outbox = outbox;
        this.clock = clock;
        this.size = size;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (jdbc.queryForObject("SELECT COUNT(*) FROM product", Long.class) > 0) {
            return;
        }
        long started = System.nanoTime();
        DemoCatalog catalog = DemoCatalog.generate(new Random(42), size);
        jdbc.batchUpdate(
                "INSERT INTO category (id, parent_id, name) VALUES (?, ?, ?)",
                catalog.categories().stream()
                        .map(c -> new Object[] {c.id(), c.parentId(), c.name()})
                        .toList());
        jdbc.batchUpdate(
                "INSERT INTO brand (id, name) VALUES (?, ?)",
                catalog.brands().stream()
                        .map(b -> new Object[] {b.id(), b.name()})
                        .toList());
        List<Object[]> products = new ArrayList<>();
        List<Object[]> skus = new ArrayList<>();
        List<Outbox.Message> events = new ArrayList<>();
        for (DemoCatalog.Product p : catalog.products()) {
            products.add(new Object[] {
                p.id(), p.category().id(), p.brand().id(), p.title(), p.subtitle(), p.description(), p.minPrice()
            });
            p.skus().forEach(s -> skus.add(new Object[] {p.id(), specs(s.specs()), s.priceCents(), s.stock()}));
            events.add(new Outbox.Message(Long.toString(p.id()), changed(catalog, p)));
        }
        jdbc.batchUpdate(
                "INSERT INTO product (id, category_id, brand_id, title, subtitle, description, on_shelf,"
                        + " min_price_cents) VALUES (?, ?, ?, ?, ?, ?, TRUE, ?)",
                products);
        jdbc.batchUpdate("INSERT INTO sku (product_id, specs, price_cents, stock) VALUES (?, ?, ?, ?)", skus);
        outbox.addAll(ProductTopics.PRODUCT_CHANGED, events);
        log.info(
                "Generated {} demo products ({} SKUs, {} categories, {} brands) in {} ms",
                size,
                skus.size(),
                catalog.categories().size(),
                catalog.brands().size(),
                (System.nanoTime() - started) / 1_000_000);
    }

    private ProductChanged changed(DemoCatalog catalog, DemoCatalog.Product p) {
        return new ProductChanged(
                UUID.randomUUID().toString(),
                clock.instant(),
                new ProductListing(
                        p.id(),
                        1,
                        p.title(),
                        p.subtitle(),
                        p.brand().id(),
                        p.brand().name(),
                        p.category().id(),
                        p.category().name(),
                        List.of(p.category().parentId(), p.category().id()),
                        p.minPrice(),
                        p.maxPrice(),
                        true));
    }

    private String specs(Map<String, String> specs) {
        try {
            return json.writeValueAsString(specs);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
