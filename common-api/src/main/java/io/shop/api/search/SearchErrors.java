package io.shop.api.search;

/** Stable error codes of product search. */
public final class SearchErrors {

    public static final String INVALID_SEARCH_TEXT = "INVALID_SEARCH_TEXT";
    public static final String INVALID_PAGE = "INVALID_PAGE";
    public static final String INVALID_PAGE_SIZE = "INVALID_PAGE_SIZE";
    /** The search engine cannot be reached; worth retrying later. */
    public static final String SEARCH_UNAVAILABLE = "SEARCH_UNAVAILABLE";

    private SearchErrors() {}
}
