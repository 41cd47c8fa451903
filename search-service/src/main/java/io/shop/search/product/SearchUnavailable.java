package io.shop.search.product;

import io.shop.api.ShopException;
import io.shop.api.search.SearchErrors;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one way an unreachable search engine is reported: 503 at the edge, retryable for callers. */
final class SearchUnavailable {

    private static final Logger log = LoggerFactory.getLogger(SearchUnavailable.class);

    /**
     * The cause is logged here and not attached: the exception crosses Dubbo, and the caller has no
     * use for (nor allow-list entry for) the I/O exception behind it.
     */
    static ShopException because(IOException cause) {
        log.warn("Elasticsearch unreachable: {}", cause.toString());
        return new ShopException(
                ShopException.Kind.UNAVAILABLE,
                SearchErrors.SEARCH_UNAVAILABLE,
                "product search is unavailable, try again later");
    }

    private SearchUnavailable() {}
}
