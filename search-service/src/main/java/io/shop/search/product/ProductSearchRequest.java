package io.shop.search.product;

import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch._types.query_dsl.TextQueryType;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.search.HighlighterEncoder;
import co.elastic.clients.json.JsonData;
import co.elastic.clients.util.NamedValue;
import io.shop.api.search.SearchQuery;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a {@link SearchQuery} into one Elasticsearch request. The text and the on-shelf condition
 * are the query; the category, brand and price filters are a post filter, so each facet can count
 * with every filter but its own (choosing a brand keeps the other brands' counts visible). A lean
 * request ({@link SearchFallback}) asks for the hits alone.
 */
final class ProductSearchRequest {

    static final String CATEGORIES = "categories";
    static final String BRANDS = "brands";
    static final String PRICES = "prices";
    static final String BUCKETS = "buckets";
    static final String NAME = "name";

    /** Upper bounds (exclusive) of the price facet's ranges, in cents: below 50.00, 50-100... */
    static final List<Long> PRICE_BOUNDS = List.of(5_000L, 10_000L, 20_000L, 50_000L);

    private static final int FACET_SIZE = 50;

    private enum Filter {
        CATEGORY,
        BRAND,
        PRICE
    }

    static SearchRequest of(String alias, SearchQuery query) {
        Map<Filter, Query> filters = filters(query);
        boolean hasText = query.text() != null && !query.text().isBlank();
        return SearchRequest.of(search -> {
            page(search, alias, query, hasText)
                    .query(q -> q.bool(b -> b.must(matching(query.text()))
                            .filter(f -> f.term(t -> t.field("onShelf").value(true)))))
                    .postFilter(all(filters, null))
                    .aggregations(CATEGORIES, facet(all(filters, Filter.CATEGORY), terms("categoryId", "categoryName")))
                    .aggregations(BRANDS, facet(all(filters, Filter.BRAND), terms("brandId", "brandName")))
                    .aggregations(PRICES, facet(all(filters, Filter.PRICE), priceRanges()));
            if (hasText) {
                search.highlight(h -> h.encoder(HighlighterEncoder.Html)
                        .preTags("<em>")
                        .postTags("</em>")
                        .fields("title", f -> f.numberOfFragments(0))
                        .fields("subtitle", f -> f.numberOfFragments(0)));
            }
            return search;
        });
    }

    /**
     * The same hits in the same order and the same total, without facets or highlights (the
     * search fallback): every filter goes into the query, where it can be cached and skip documents.
     */
    static SearchRequest lean(String alias, SearchQuery query) {
        Map<Filter, Query> filters = filters(query);
        boolean hasText = query.text() != null && !query.text().isBlank();
        return SearchRequest.of(search -> page(search, alias, query, hasText)
                .query(q -> q.bool(b -> b.must(matching(query.text()))
                        .filter(f -> f.term(t -> t.field("onShelf").value(true)))
                        .filter(all(filters, null)))));
    }

    private static SearchRequest.Builder page(
            SearchRequest.Builder search, String alias, SearchQuery query, boolean hasText) {
        return search.index(alias)
                .sort(sorting(query, hasText))
                .from(query.from())
                .size(query.size())
                .trackTotalHits(total -> total.enabled(true));
    }

    /** Every word in one field or another; a title match weighs most, then brand and category. */
    private static Query matching(String text) {
        if (text == null || text.isBlank()) {
            return Query.of(q -> q.matchAll(all -> all));
        }
        return Query.of(q -> q.multiMatch(match -> match.query(text)
                .type(TextQueryType.CrossFields)
                .operator(Operator.And)
                .fields("title^3", "brandName^2", "categoryName^2", "subtitle")));
    }

    private static Map<Filter, Query> filters(SearchQuery query) {
        Map<Filter, Query> filters = new EnumMap<>(Filter.class);
        if (query.categoryId() != null) {
            filters.put(
                    Filter.CATEGORY,
                    Query.of(q -> q.term(t -> t.field("categoryPath").value(query.categoryId()))));
        }
        if (query.brandId() != null) {
            filters.put(
                    Filter.BRAND, Query.of(q -> q.term(t -> t.field("brandId").value(query.brandId()))));
        }
        if (query.minPriceCents() != null || query.maxPriceCents() != null) {
            filters.put(
                    Filter.PRICE,
                    Query.of(q -> q.range(r -> {
                        r.field("minPriceCents");
                        if (query.minPriceCents() != null) {
                            r.gte(JsonData.of(query.minPriceCents()));
                        }
                        if (query.maxPriceCents() != null) {
                            r.lte(JsonData.of(query.maxPriceCents()));
                        }
                        return r;
                    })));
        }
        return filters;
    }

    /** Every filter except {@code left out} (none when null) together. */
    private static Query all(Map<Filter, Query> filters, Filter leftOut) {
        List<Query> kept = new ArrayList<>();
        filters.forEach((filter, q) -> {
            if (filter != leftOut) {
                kept.add(q);
            }
        });
        return Query.of(q -> q.bool(b -> b.filter(kept)));
    }

    private static Aggregation facet(Query filter, Aggregation buckets) {
        return Aggregation.of(a -> a.filter(filter).aggregations(BUCKETS, buckets));
    }

    /** Ids by count (ties by id), each with its name. */
    private static Aggregation terms(String idField, String nameField) {
        return Aggregation.of(a -> a.terms(t -> t.field(idField)
                        .size(FACET_SIZE)
                        .order(NamedValue.of("_count", SortOrder.Desc), NamedValue.of("_key", SortOrder.Asc)))
                .aggregations(
                        NAME, n -> n.terms(t -> t.field(nameField + ".keyword").size(1))));
    }

    private static Aggregation priceRanges() {
        return Aggregation.of(a -> a.range(r -> {
            r.field("minPriceCents");
            Long from = null;
            for (Long to : PRICE_BOUNDS) {
                Long lower = from;
                r.ranges(range -> {
                    if (lower != null) {
                        range.from(lower.toString());
                    }
                    return range.to(to.toString());
                });
                from = to;
            }
            Long last = from;
            return r.ranges(range -> range.from(last.toString()));
        }));
    }

    /** The product id last, so equal scores or prices keep one order from page to page. */
    private static List<SortOptions> sorting(SearchQuery query, boolean hasText) {
        return switch (query.sort()) {
            case RELEVANCE -> hasText ? List.of(byScore(), byId(SortOrder.Asc)) : List.of(byId(SortOrder.Asc));
            case PRICE_ASC -> List.of(byPrice(SortOrder.Asc), byId(SortOrder.Asc));
            case PRICE_DESC -> List.of(byPrice(SortOrder.Desc), byId(SortOrder.Asc));
            case NEWEST -> List.of(byId(SortOrder.Desc));
        };
    }

    private static SortOptions byScore() {
        return SortOptions.of(s -> s.score(score -> score.order(SortOrder.Desc)));
    }

    private static SortOptions byPrice(SortOrder order) {
        return SortOptions.of(s -> s.field(f -> f.field("minPriceCents").order(order)));
    }

    private static SortOptions byId(SortOrder order) {
        return SortOptions.of(s -> s.field(f -> f.field("productId").order(order)));
    }

    private ProductSearchRequest() {}
}
