package io.shop.search.product;

import io.shop.api.product.ProductListing;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The catalog a full reindex reads in the ITs, in place of product-service: listings the test sets,
 * in pages of two, with a hook before each page (to act while a reindex is half done).
 */
final class TestCatalog implements CatalogListings {

    private static final int PAGE_SIZE = 2;

    private volatile List<ProductListing> listings = List.of();
    private volatile IntConsumer beforePage = page -> {};

    void holds(List<ProductListing> products) {
        listings = products.stream()
                .sorted(Comparator.comparingLong(ProductListing::productId))
                .toList();
    }

    /** Runs before page {@code n} (from 0) is handed out. */
    void beforePage(IntConsumer hook) {
        beforePage = hook;
    }

    @Override
    public void forEachPage(Consumer<List<ProductListing>> page) {
        List<ProductListing> all = listings;
        for (int from = 0, n = 0; from < all.size(); from += PAGE_SIZE, n++) {
            beforePage.accept(n);
            page.accept(all.subList(from, Math.min(from + PAGE_SIZE, all.size())));
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Configuration {

        @Bean
        @Primary
        TestCatalog testCatalog() {
            return new TestCatalog();
        }
    }
}
