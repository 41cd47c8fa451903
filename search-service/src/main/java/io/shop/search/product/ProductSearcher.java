package io.shop.search.product;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.shop.api.search.SearchPage;
import io.shop.api.search.SearchQuery;
import java.io.IOException;
import org.springframework.stereotype.Service;

/** Product search over the alias, for HTTP and Dubbo callers alike. */
@Service
class ProductSearcher {

    private final ElasticsearchClient client;
    private final ProductIndex index;
    private final IndexNames names;

    ProductSearcher(ElasticsearchClient client, ProductIndex index, IndexNames names) {
        this.client = client;
        this.index = index;
        this.names = names;
    }

    SearchPage search(SearchQuery query) {
        index.ensureExists();
        try {
            return ProductSearchResponse.toPage(
                    query, client.search(ProductSearchRequest.of(names.alias(), query), ProductDocument.class));
        } catch (IOException e) {
            throw SearchUnavailable.because(e);
        }
    }
}
