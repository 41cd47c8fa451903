package io.shop.product.catalog;

import java.util.Map;

/** A SKU as stored: specs tell it apart from its siblings, e.g. colour=Red, size=M. */
public record SkuRow(long id, long productId, Map<String, String> specs, long priceCents, int stock) {

    /** "Red / M": the specs' values in their order. */
    public String specsSummary() {
        return String.join(" / ", specs.values());
    }
}
