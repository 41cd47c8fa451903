package io.shop.search.product;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import io.shop.api.search.SearchPage;
import io.shop.api.search.SearchQuery;
import java.io.IOException;
import java.util.function.Supplier;
import org.springframework.stereotype.Service;

/** Product search over the alias, for HTTP and Dubbo callers alike. */
@Service
class ProductSearcher {

    private final ElasticsearchClient client;
    private final ProductIndex index;
    private final IndexNames names;
    private final Supplier<SearchFallback.Mode> fallback;

    ProductSearcher(
            ElasticsearchClient client, ProductIndex index, IndexNames names, Supplier<SearchFallback.Mode> fallback) {
        this.client = client;
        this.index = index;
        this.names = names;
        this.fallback = fallback;
    }

    SearchPage search(SearchQuery query) {
        index.ensureExists();
        try {
            SearchRequest request = fallback.get().lean()
                    ? ProductSearchRequest.lean(names.alias(), query)
                    : ProductSearchRequest.of(names.alias(), query);
            return ProductSearchResponse.toPage(query, client.search(request, ProductDocument.class));
        } catch (IOException e) {
            throw SearchUnavailable.because(e);
        }
    }
}
