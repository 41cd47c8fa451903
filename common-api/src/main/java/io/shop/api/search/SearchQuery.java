package io.shop.api.search;

import io.shop.api.ShopException;
import java.io.Serializable;

/**
 * One page of a product search over the products on shelf. Blank or absent {@code text} matches
 * every product; every other criterion is optional (null: not filtered). {@code categoryId} matches
 * a product in that category or any category below it; prices are the lowest price of a product's
 * SKUs, in cents, both bounds inclusive. Pages count from 0; a null {@code sort} is {@link
 * SearchSort#RELEVANCE}.
 */
public record SearchQuery(
        String text,
        Long categoryId,
        Long brandId,
        Long minPriceCents,
        Long maxPriceCents,
        SearchSort sort,
        int page,
        int size)
        implements Serializable {

    public static final int MAX_TEXT_LENGTH = 100;
    public static final int MAX_SIZE = 100;
    /** The search engine refuses to page deeper than this many hits (its max result window). */
    public static final int MAX_DEPTH = 10_000;

    public SearchQuery {
        if (text != null && text.length() > MAX_TEXT_LENGTH) {
            throw ShopException.invalid(
                    SearchErrors.INVALID_SEARCH_TEXT, "text must be at most " + MAX_TEXT_LENGTH + " characters");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw ShopException.invalid(SearchErrors.INVALID_PAGE_SIZE, "size must be between 1 and " + MAX_SIZE);
        }
        if (page < 0 || ((long) page + 1) * size > MAX_DEPTH) {
            throw ShopException.invalid(
                    SearchErrors.INVALID_PAGE,
                    "page must be 0 or more and reach no deeper than " + MAX_DEPTH + " hits");
        }
        if ((categoryId != null && categoryId <= 0) || (brandId != null && brandId <= 0)) {
            throw ShopException.invalid(SearchErrors.INVALID_FILTER, "category and brand ids must be positive");
        }
        if ((minPriceCents != null && minPriceCents < 0)
                || (maxPriceCents != null && maxPriceCents < 0)
                || (minPriceCents != null && maxPriceCents != null && minPriceCents > maxPriceCents)) {
            throw ShopException.invalid(
                    SearchErrors.INVALID_PRICE_RANGE, "prices must be 0 or more, the minimum not above the maximum");
        }
        sort = sort == null ? SearchSort.RELEVANCE : sort;
    }

    /** Text only, best match first. */
    public SearchQuery(String text, int page, int size) {
        this(text, null, null, null, null, SearchSort.RELEVANCE, page, size);
    }

    /** Index of the first hit of this page. */
    public int from() {
        return page * size;
    }
}
