package io.shop.api.search;

/** Stable error codes of product search. */
public final class SearchErrors {

    public static final String INVALID_SEARCH_TEXT = "INVALID_SEARCH_TEXT";
    public static final String INVALID_PAGE = "INVALID_PAGE";
    public static final String INVALID_PAGE_SIZE = "INVALID_PAGE_SIZE";
    /** A negative price bound, or a lower bound above the upper one. */
    public static final String INVALID_PRICE_RANGE = "INVALID_PRICE_RANGE";
    /** A category or brand id that cannot exist (not positive). */
    public static final String INVALID_FILTER = "INVALID_FILTER";
    /** The search engine cannot be reached; worth retrying later. */
    public static final String SEARCH_UNAVAILABLE = "SEARCH_UNAVAILABLE";
    /** A full reindex could not read the catalog (product-service); worth retrying later (503). */
    public static final String CATALOG_UNAVAILABLE = "CATALOG_UNAVAILABLE";
    /** A full reindex is already running (409). */
    public static final String REINDEX_RUNNING = "REINDEX_RUNNING";

    private SearchErrors() {}
}
