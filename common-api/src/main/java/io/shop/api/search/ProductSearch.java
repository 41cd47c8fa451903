package io.shop.api.search;

import io.shop.api.CallableBy;

/**
 * Full-text search over the products on shelf, over Dubbo; the same search as {@code GET
 * /api/search}.
 *
 * <p>Failures: {@code INVALID_SEARCH_TEXT}, {@code INVALID_PAGE}, {@code INVALID_PAGE_SIZE},
 * {@code INVALID_FILTER}, {@code INVALID_PRICE_RANGE} (raised when a {@link SearchQuery} is built),
 * {@code SEARCH_UNAVAILABLE} (the search engine cannot be reached).
 */
public interface ProductSearch {

    @CallableBy({})
    SearchPage search(SearchQuery query);
}
