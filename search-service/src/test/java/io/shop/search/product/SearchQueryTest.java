package io.shop.search.product;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shop.api.ShopException;
import io.shop.api.search.SearchErrors;
import io.shop.api.search.SearchQuery;
import io.shop.api.search.SearchSort;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The searcher relies on a query being within the engine's limits once built. */
class SearchQueryTest {

    @Test
    void pageStartsAfterThePagesBeforeIt() {
        assertThat(new SearchQuery("tea", 3, 20).from()).isEqualTo(60);
    }

    @Test
    void absentTextAndTheLimitsThemselvesAreAccepted() {
        new SearchQuery(null, 0, 1);
        new SearchQuery("x".repeat(SearchQuery.MAX_TEXT_LENGTH), 99, SearchQuery.MAX_SIZE);
        new SearchQuery("tea", 1L, 1L, 0L, 0L, SearchSort.NEWEST, 0, 10);
    }

    @Test
    void noSortMeansBestMatchFirst() {
        assertThat(new SearchQuery("tea", null, null, null, null, null, 0, 10).sort())
                .isEqualTo(SearchSort.RELEVANCE);
    }

    @Test
    void overlongTextIsInvalid() {
        assertInvalid(
                () -> new SearchQuery("x".repeat(SearchQuery.MAX_TEXT_LENGTH + 1), 0, 10),
                SearchErrors.INVALID_SEARCH_TEXT);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, SearchQuery.MAX_SIZE + 1})
    void sizeOutsideOneToHundredIsInvalid(int size) {
        assertInvalid(() -> new SearchQuery("tea", 0, size), SearchErrors.INVALID_PAGE_SIZE);
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 100, Integer.MAX_VALUE})
    void negativePageOrOnePastTheDeepestHitIsInvalid(int page) {
        assertInvalid(() -> new SearchQuery("tea", page, 100), SearchErrors.INVALID_PAGE);
    }

    @ParameterizedTest
    @CsvSource(
            value = {"-1, null", "null, -1", "5001, 5000"},
            nullValues = "null")
    void negativeOrInvertedPricesAreInvalid(Long min, Long max) {
        assertInvalid(
                () -> new SearchQuery("tea", null, null, min, max, SearchSort.RELEVANCE, 0, 10),
                SearchErrors.INVALID_PRICE_RANGE);
    }

    @ParameterizedTest
    @CsvSource(
            value = {"0, null", "null, -3"},
            nullValues = "null")
    void categoryOrBrandIdsThatCannotExistAreInvalid(Long category, Long brand) {
        assertInvalid(
                () -> new SearchQuery("tea", category, brand, null, null, SearchSort.RELEVANCE, 0, 10),
                SearchErrors.INVALID_FILTER);
    }

    private static void assertInvalid(Runnable build, String code) {
        assertThatThrownBy(build::run).isInstanceOfSatisfying(ShopException.class, e -> {
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.kind()).isEqualTo(ShopException.Kind.INVALID);
        });
    }
}
