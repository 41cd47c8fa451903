package io.shop.api.search;

/**
 * Order of the hits. Ties (equal score or price) are broken by product id, so paging through a
 * result never repeats or skips a product while the index stands still.
 */
public enum SearchSort {
    /** Best match first; with no text, lowest product id first. */
    RELEVANCE,
    /** Cheapest first, by the lowest price of the product's SKUs. */
    PRICE_ASC,
    /** Dearest first, by the lowest price of the product's SKUs. */
    PRICE_DESC,
    /** Most recently created first (product ids grow in creation order). */
    NEWEST
}
