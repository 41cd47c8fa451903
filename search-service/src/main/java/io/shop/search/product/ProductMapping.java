package io.shop.search.product;

import co.elastic.clients.elasticsearch._types.mapping.DynamicMapping;
import co.elastic.clients.elasticsearch._types.mapping.Property;
import co.elastic.clients.elasticsearch._types.mapping.TypeMapping;

/**
 * The mapping of every product index. Names are matched on their text and counted in facets on
 * their keyword; ids and cents are longs. Strict: a field the mapping does not know is an error,
 * not a silently guessed type.
 */
final class ProductMapping {

    static TypeMapping.Builder apply(TypeMapping.Builder mapping) {
        return mapping.dynamic(DynamicMapping.Strict)
                .properties("productId", number())
                .properties("version", number())
                .properties("title", textWithKeyword())
                .properties("subtitle", p -> p.text(t -> t))
                .properties("brandId", number())
                .properties("brandName", textWithKeyword())
                .properties("categoryId", number())
                .properties("categoryName", textWithKeyword())
                .properties("categoryPath", number())
                .properties("minPriceCents", number())
                .properties("maxPriceCents", number())
                .properties("onShelf", p -> p.boolean_(b -> b));
    }

    private static Property number() {
        return Property.of(p -> p.long_(l -> l));
    }

    private static Property textWithKeyword() {
        return Property.of(p -> p.text(t -> t.fields("keyword", k -> k.keyword(kw -> kw.ignoreAbove(256)))));
    }

    private ProductMapping() {}
}
