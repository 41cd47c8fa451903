package io.shop.search.product;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import io.shop.api.search.SearchPage;
import io.shop.api.search.SearchPage.ProductHit;
import io.shop.api.search.SearchQuery;
import java.io.IOException;
import org.springframework.stereotype.Service;

/** Full-text product search: every word must match, in the name (weighted) or the description. */
@Service
class ProductSearcher {

    private final ElasticsearchClient client;
    private final ProductIndex index;

    ProductSearcher(ElasticsearchClient client, ProductIndex index) {
        this.client = client;
        this.index = index;
    }

    SearchPage search(SearchQuery query) {
        index.ensureExists();
        try {
            SearchResponse<ProductDocument> response = client.search(
                    search -> search.index(ProductIndex.ALIAS)
                            .query(matching(query.text()))
                            .from(query.from())
                            .size(query.size())
                            .trackTotalHits(total -> total.enabled(true))
                            .sort(sort -> sort.score(score -> score.order(SortOrder.Desc)))
                            .sort(sort -> sort.field(field -> field.field("id").order(SortOrder.Asc))),
                    ProductDocument.class);
            return new SearchPage(
                    response.hits().total().value(),
                    query.page(),
                    query.size(),
                    response.hits().hits().stream().map(ProductSearcher::toHit).toList());
        } catch (IOException e) {
            throw SearchUnavailable.because(e);
        }
    }

    private static Query matching(String text) {
        if (text == null || text.isBlank()) {
            return Query.of(q -> q.matchAll(all -> all));
        }
        return Query.of(q -> q.multiMatch(
                match -> match.query(text).fields("name^3", "description").operator(Operator.And)));
    }

    private static ProductHit toHit(Hit<ProductDocument> hit) {
        ProductDocument product = hit.source();
        return new ProductHit(product.id(), product.name(), product.priceCents());
    }
}
