package io.shop.search.product;

import io.shop.api.search.ProductSearch;
import io.shop.api.search.SearchPage;
import io.shop.api.search.SearchQuery;
import org.apache.dubbo.config.annotation.DubboService;

@DubboService
class ProductSearchProvider implements ProductSearch {

    private final ProductSearcher searcher;

    ProductSearchProvider(ProductSearcher searcher) {
        this.searcher = searcher;
    }

    @Override
    public SearchPage search(SearchQuery query) {
        return searcher.search(query);
    }
}
