package io.shop.search.product;

import static io.shop.search.product.ProductSearchRequest.BRANDS;
import static io.shop.search.product.ProductSearchRequest.BUCKETS;
import static io.shop.search.product.ProductSearchRequest.CATEGORIES;
import static io.shop.search.product.ProductSearchRequest.NAME;
import static io.shop.search.product.ProductSearchRequest.PRICES;

import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.LongTermsBucket;
import co.elastic.clients.elasticsearch._types.aggregations.RangeBucket;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import io.shop.api.search.SearchFacets;
import io.shop.api.search.SearchFacets.FacetCount;
import io.shop.api.search.SearchFacets.PriceRangeCount;
import io.shop.api.search.SearchPage;
import io.shop.api.search.SearchPage.ProductHit;
import io.shop.api.search.SearchQuery;
import java.util.List;
import java.util.Map;

/** Reads the answer to a {@link ProductSearchRequest} into the contract's page. */
final class ProductSearchResponse {

    private static final SearchFacets NO_FACETS = new SearchFacets(List.of(), List.of(), List.of());

    /** A lean request's answer has no aggregations: its facets are empty. */
    static SearchPage toPage(SearchQuery query, SearchResponse<ProductDocument> response) {
        Map<String, Aggregate> facets = response.aggregations();
        return new SearchPage(
                response.hits().total().value(),
                query.page(),
                query.size(),
                response.hits().hits().stream()
                        .map(ProductSearchResponse::toHit)
                        .toList(),
                facets.isEmpty()
                        ? NO_FACETS
                        : new SearchFacets(
                                counts(facets.get(CATEGORIES)),
                                counts(facets.get(BRANDS)),
                                priceRanges(facets.get(PRICES))));
    }

    private static ProductHit toHit(Hit<ProductDocument> hit) {
        ProductDocument product = hit.source();
        Map<String, List<String>> highlight = hit.highlight();
        return new ProductHit(
                product.productId(),
                product.title(),
                product.subtitle(),
                product.brandId(),
                product.brandName(),
                product.categoryId(),
                product.categoryName(),
                product.minPriceCents(),
                product.maxPriceCents(),
                first(highlight.get("title")),
                first(highlight.get("subtitle")));
    }

    private static String first(List<String> fragments) {
        return fragments == null || fragments.isEmpty() ? null : fragments.get(0);
    }

    private static List<FacetCount> counts(Aggregate facet) {
        return buckets(facet).lterms().buckets().array().stream()
                .map(ProductSearchResponse::toCount)
                .toList();
    }

    private static FacetCount toCount(LongTermsBucket bucket) {
        var names = bucket.aggregations().get(NAME).sterms().buckets().array();
        String name = names.isEmpty() ? null : names.get(0).key().stringValue();
        return new FacetCount(Long.parseLong(bucket.key()), name, bucket.docCount());
    }

    private static List<PriceRangeCount> priceRanges(Aggregate facet) {
        return buckets(facet).range().buckets().array().stream()
                .map(ProductSearchResponse::toRange)
                .toList();
    }

    private static PriceRangeCount toRange(RangeBucket bucket) {
        return new PriceRangeCount(cents(bucket.from()), cents(bucket.to()), bucket.docCount());
    }

    private static Long cents(Double bound) {
        return bound == null ? null : bound.longValue();
    }

    private static Aggregate buckets(Aggregate facet) {
        return facet.filter().aggregations().get(BUCKETS);
    }

    private ProductSearchResponse() {}
}
