package io.shop.api.search;

import java.io.Serializable;
import java.util.List;

/** One page of hits, best match first, and how many products match in all. */
public record SearchPage(long total, int page, int size, List<ProductHit> hits) implements Serializable {

    public SearchPage {
        hits = List.copyOf(hits);
    }

    public record ProductHit(long productId, String name, long priceCents) implements Serializable {}
}
