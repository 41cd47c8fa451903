package io.shop.search.product;

import io.shop.api.search.SearchPage;
import io.shop.api.search.SearchQuery;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class SearchController {

    private static final int DEFAULT_SIZE = 20;

    private final ProductSearcher searcher;

    SearchController(ProductSearcher searcher) {
        this.searcher = searcher;
    }

    /** Bad parameters become a 400 problem that names each offending field. */
    @GetMapping("/api/search")
    SearchPage search(@Valid SearchParams params) {
        return searcher.search(params.toQuery());
    }

    /** {@code GET /api/search?q=&page=&size=}, checked against the limits of {@link SearchQuery}. */
    record SearchParams(
            @Size(max = SearchQuery.MAX_TEXT_LENGTH) String q,
            @Min(0) @Max(SearchQuery.MAX_DEPTH - 1) Integer page,
            @Min(1) @Max(SearchQuery.MAX_SIZE) Integer size) {

        SearchQuery toQuery() {
            return new SearchQuery(q, page == null ? 0 : page, size == null ? DEFAULT_SIZE : size);
        }
    }
}
