package io.shop.product.catalog;

import java.util.List;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Fills an empty catalog with {@code shop.demo.products} generated products, so a freshly started
 * shop has something to show. Does nothing when the catalog already has products.
 */
@Component
@ConditionalOnExpression("${shop.demo.products:0} > 0")
class DemoCatalogLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoCatalogLoader.class);
    private static final List<String> ADJECTIVES = List.of("Classic", "Light", "Pro", "Organic", "Compact", "Deluxe");
    private static final List<String> THINGS =
            List.of("Tea Cup", "Backpack", "Desk Lamp", "Running Shoe", "Notebook", "Headphones", "Water Bottle");

    private final ProductRepository products;
    private final int size;

    DemoCatalogLoader(ProductRepository products, @Value("${shop.demo.products}") int size) {
        this.products = products;
        this.size = size;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (products.count() > 0) {
            return;
        }
        IntStream.rangeClosed(1, size).forEach(i -> {
            String name = ADJECTIVES.get(i % ADJECTIVES.size()) + " " + THINGS.get(i % THINGS.size()) + " #" + i;
            products.insert(name, "Demo product " + i, 199 + (i * 37L) % 20_000, 10 + i % 90);
        });
        log.info("Loaded {} demo products", size);
    }
}
