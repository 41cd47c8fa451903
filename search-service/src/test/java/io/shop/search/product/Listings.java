package io.shop.search.product;

import io.shop.api.product.ProductListing;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Test data: listings built from a default on-shelf product. Ids start at a random base per run,
 * since the IT index outlives a run and keeps the versions it saw.
 */
final class Listings {

    private static final AtomicLong NEXT_ID =
            new AtomicLong(ThreadLocalRandom.current().nextLong(1, 1L << 40) * 1_000);

    static long newId() {
        return NEXT_ID.incrementAndGet();
    }

    /** A word no earlier run indexed, so the hits of this run are known exactly. */
    static String marker() {
        return "m" + Long.toHexString(ThreadLocalRandom.current().nextLong(1L << 60, Long.MAX_VALUE));
    }

    static Builder product(String title) {
        return new Builder(newId(), title);
    }

    static final class Builder {
        private final long id;
        private long version = 1;
        private String title;
        private String subtitle = "a product";
        private long brandId = 1;
        private String brandName = "Acme";
        private long categoryId = 10;
        private String categoryName = "Things";
        private List<Long> ancestors = List.of();
        private long minPriceCents = 1_000;
        private long maxPriceCents = 1_000;
        private boolean onShelf = true;

        private Builder(long id, String title) {
            this.id = id;
            this.title = title;
        }

        Builder version(long version) {
            this.version = version;
            return this;
        }

        Builder title(String title) {
            this.title = title;
            return this;
        }

        Builder subtitle(String subtitle) {
            this.subtitle = subtitle;
            return this;
        }

        Builder brand(long id, String name) {
            this.brandId = id;
            this.brandName = name;
            return this;
        }

        /** The product's own category, below {@code ancestors} (root first). */
        Builder category(long id, String name, Long... ancestors) {
            this.categoryId = id;
            this.categoryName = name;
            this.ancestors = List.of(ancestors);
            return this;
        }

        Builder price(long minCents, long maxCents) {
            this.minPriceCents = minCents;
            this.maxPriceCents = maxCents;
            return this;
        }

        Builder offShelf() {
            this.onShelf = false;
            return this;
        }

        ProductListing build() {
            List<Long> path = new ArrayList<>(ancestors);
            path.add(categoryId);
            return new ProductListing(
                    id,
                    version,
                    title,
                    subtitle,
                    brandId,
                    brandName,
                    categoryId,
                    categoryName,
                    path,
                    minPriceCents,
                    maxPriceCents,
                    onShelf);
        }
    }

    private Listings() {}
}
