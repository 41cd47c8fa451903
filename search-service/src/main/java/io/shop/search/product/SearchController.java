package io.shop.search.product;

import io.shop.api.search.SearchPage;
import io.shop.api.search.SearchQuery;
import io.shop.api.search.SearchSort;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.Locale;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
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

    @InitBinder("searchParams")
    void checkCombinations(WebDataBinder binder) {
        binder.addValidators(new CombinationRule());
    }

    /**
     * {@code GET /api/search?q=&category=&brand=&minPrice=&maxPrice=&sort=&page=&size=}, checked
     * against the limits of {@link SearchQuery}; prices in cents.
     */
    record SearchParams(
            @Size(max = SearchQuery.MAX_TEXT_LENGTH) String q,
            @Positive Long category,
            @Positive Long brand,
            @PositiveOrZero Long minPrice,
            @PositiveOrZero Long maxPrice,
            @Pattern(
                            regexp = "relevance|price_asc|price_desc|newest",
                            message = "must be relevance, price_asc, price_desc or newest")
                    String sort,
            @Min(0) @Max(SearchQuery.MAX_DEPTH - 1) Integer page,
            @Min(1) @Max(SearchQuery.MAX_SIZE) Integer size) {

        int pageOrDefault() {
            return page == null ? 0 : page;
        }

        int sizeOrDefault() {
            return size == null ? DEFAULT_SIZE : size;
        }

        SearchQuery toQuery() {
            return new SearchQuery(
                    q,
                    category,
                    brand,
                    minPrice,
                    maxPrice,
                    sort == null ? SearchSort.RELEVANCE : SearchSort.valueOf(sort.toUpperCase(Locale.ROOT)),
                    pageOrDefault(),
                    sizeOrDefault());
        }
    }

    /** The rules that involve two parameters, reported on the one to change. */
    private static final class CombinationRule implements Validator {

        @Override
        public boolean supports(Class<?> type) {
            return SearchParams.class.equals(type);
        }

        @Override
        public void validate(Object target, Errors errors) {
            SearchParams params = (SearchParams) target;
            if (params.minPrice() != null && params.maxPrice() != null && params.minPrice() > params.maxPrice()) {
                errors.rejectValue("maxPrice", "PriceRange", "must not be below minPrice");
            }
            if (!errors.hasFieldErrors("page")
                    && !errors.hasFieldErrors("size")
                    && ((long) params.pageOrDefault() + 1) * params.sizeOrDefault() > SearchQuery.MAX_DEPTH) {
                errors.rejectValue(
                        "page", "Depth", "page and size must reach no deeper than " + SearchQuery.MAX_DEPTH + " hits");
            }
        }
    }
}
