package io.shop.api.search;

import io.shop.api.ShopException;
import java.io.Serializable;

/**
 * One page of a product search. Blank or absent {@code text} matches every product; pages count
 * from 0.
 */
public record SearchQuery(String text, int page, int size) implements Serializable {

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
    }

    /** Index of the first hit of this page. */
    public int from() {
        return page * size;
    }
}
