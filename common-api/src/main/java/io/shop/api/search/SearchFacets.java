package io.shop.api.search;

import java.io.Serializable;
import java.util.List;

/**
 * Counts that let a client narrow a search. Each facet counts the products matching the text and
 * every filter except its own (a brand facet ignores the brand filter, so the other brands stay
 * choosable), most frequent first for categories and brands.
 *
 * @param categories the products' own (leaf) categories
 * @param priceRanges fixed ranges of the lowest SKU price, every range listed even when empty
 */
public record SearchFacets(List<FacetCount> categories, List<FacetCount> brands, List<PriceRangeCount> priceRanges)
        implements Serializable {

    public SearchFacets {
        categories = List.copyOf(categories);
        brands = List.copyOf(brands);
        priceRanges = List.copyOf(priceRanges);
    }

    public record FacetCount(long id, String name, long count) implements Serializable {}

    /** Prices from {@code fromCents} (inclusive) below {@code toCents}; a null bound is open. */
    public record PriceRangeCount(Long fromCents, Long toCents, long count) implements Serializable {}
}
