package io.shop.api.search;

import java.io.Serializable;
import java.util.List;

/**
 * One page of hits in the query's order, how many products match in all, and the facets of the
 * match (see {@link SearchFacets} for what they count).
 */
public record SearchPage(long total, int page, int size, List<ProductHit> hits, SearchFacets facets)
        implements Serializable {

    public SearchPage {
        hits = List.copyOf(hits);
    }

    /**
     * A product on shelf. {@code titleHighlight} / {@code subtitleHighlight} hold the whole field
     * HTML-escaped with the matched words in {@code <em>}, or null when the text did not match there.
     */
    public record ProductHit(
            long productId,
            String title,
            String subtitle,
            long brandId,
            String brandName,
            long categoryId,
            String categoryName,
            long minPriceCents,
            long maxPriceCents,
            String titleHighlight,
            String subtitleHighlight)
            implements Serializable {}
}
