package io.shop.api.search;

/**
 * Full-text search over the product catalog over Dubbo.
 *
 * <p>Failures: {@code INVALID_SEARCH_TEXT}, {@code INVALID_PAGE}, {@code INVALID_PAGE_SIZE}
 * (raised when a {@link SearchQuery} is built), {@code SEARCH_UNAVAILABLE} (the search engine cannot
 * be reached).
 */
public interface ProductSearch {

    SearchPage search(SearchQuery query);
}
