package io.shop.search.product;

import static java.util.stream.Collectors.counting;
import static java.util.stream.Collectors.groupingBy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.shop.api.product.ProductListing;
import io.shop.api.search.ProductSearch;
import io.shop.api.search.SearchFacets.FacetCount;
import io.shop.api.search.SearchFacets.PriceRangeCount;
import io.shop.api.search.SearchPage;
import io.shop.api.search.SearchPage.ProductHit;
import io.shop.api.search.SearchQuery;
import io.shop.api.search.SearchSort;
import io.shop.support.LiveSettings;
import io.shop.testsupport.ZookeeperConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * Search over a small catalog written straight into the IT index: two brands, categories on two
 * levels, prices in every facet range, one product off shelf and one without the marker word.
 */
@SearchServiceIT
class ProductSearchIT {

    @Autowired
    ProductIndex index;

    @Autowired
    ProductSearch provider;

    @Autowired
    ElasticsearchClient client;

    @Autowired
    IndexNames names;

    @Autowired
    TestRestTemplate http;

    @Autowired
    LiveSettings<SearchFallback.Mode> fallback;

    @Value("${spring.cloud.zookeeper.connect-string}")
    String zookeeperAddress;

    @Value("${spring.cloud.zookeeper.config.root}")
    String configRoot;

    private final String marker = Listings.marker();
    private final long acme = Listings.newId();
    private final long globex = Listings.newId();
    private final long kitchen = Listings.newId();
    private final long teaware = Listings.newId();
    private final long cups = Listings.newId();
    private final long pots = Listings.newId();
    private final List<ProductListing> catalog = new ArrayList<>();

    @BeforeEach
    void catalog() throws Exception {
        add(Listings.product("Porcelain Teapot " + marker)
                .subtitle("holds 1.2 litres")
                .brand(acme, "Acme")
                .category(pots, "Pots", kitchen, teaware)
                .price(3_490, 3_990));
        add(Listings.product("Cast Iron Teapot " + marker)
                .brand(globex, "Globex")
                .category(pots, "Pots", kitchen, teaware)
                .price(12_000, 12_000));
        add(Listings.product("Tea Cup " + marker)
                .subtitle("porcelain, <b>set</b> of two")
                .brand(acme, "Acme")
                .category(cups, "Cups", kitchen, teaware)
                .price(3_490, 3_490));
        add(Listings.product("Espresso Cup " + marker)
                .brand(globex, "Globex")
                .category(cups, "Cups", kitchen, teaware)
                .price(5_000, 6_000));
        add(Listings.product("Chef Knife " + marker)
                .brand(globex, "Globex")
                .category(kitchen, "Kitchen")
                .price(25_000, 25_000));
        add(Listings.product("Copper Kettle " + marker)
                .brand(acme, "Acme")
                .category(kitchen, "Kitchen")
                .price(80_000, 95_000));
        add(Listings.product("Clay Teapot " + marker)
                .brand(acme, "Acme")
                .category(pots, "Pots", kitchen, teaware)
                .price(9_999, 9_999)
                .offShelf());
        add(Listings.product("Teapot without the marker").brand(acme, "Acme").category(pots, "Pots", kitchen, teaware));
        client.indices().refresh(r -> r.index(names.alias()));
    }

    private void add(Listings.Builder product) {
        ProductListing listing = product.build();
        catalog.add(listing);
        index.write(listing);
    }

    @Test
    void everyWordMustMatchInTitleSubtitleBrandOrCategory() {
        assertThat(titles(search("teapot " + marker)))
                .containsExactlyInAnyOrder("Porcelain Teapot " + marker, "Cast Iron Teapot " + marker);
        assertThat(titles(search("globex cups " + marker))).containsExactly("Espresso Cup " + marker);
        assertThat(titles(search("porcelain cup " + marker))).containsExactly("Tea Cup " + marker);
    }

    @Test
    void aTitleMatchRanksAboveASubtitleMatch() {
        assertThat(titles(search("porcelain " + marker)))
                .containsExactly("Porcelain Teapot " + marker, "Tea Cup " + marker);
    }

    @Test
    void matchedWordsAreHighlightedInTheEscapedText() {
        ProductHit cup = search("porcelain cup " + marker).hits().get(0);

        assertThat(cup.titleHighlight()).isEqualTo("Tea <em>Cup</em> <em>" + marker + "</em>");
        assertThat(cup.subtitleHighlight()).isEqualTo("<em>porcelain</em>, &lt;b&gt;set&lt;&#x2F;b&gt; of two");
    }

    @Test
    void theLeanFallbackSetWhileRunningAnswersTheSameHitsWithoutFacetsOrHighlights() throws Exception {
        SearchQuery filtered = query(marker, teaware, null, null, 9_999L, SearchSort.PRICE_ASC);
        SearchPage full = search(filtered);
        try (ZookeeperConfig config = ZookeeperConfig.of(zookeeperAddress, configRoot, "search-service")) {
            config.set(SearchFallback.PREFIX + ".lean", "true");
            await().atMost(Duration.ofSeconds(30)).until(() -> fallback.get().lean());

            SearchPage lean = search(filtered);
            assertThat(lean.hits())
                    .extracting(ProductHit::productId)
                    .isEqualTo(ids(full))
                    .isNotEmpty();
            assertThat(lean.total()).isEqualTo(full.total());
            assertThat(lean.facets().categories()).isEmpty();
            assertThat(lean.facets().priceRanges()).isEmpty();
            assertThat(lean.hits())
                    .allSatisfy(hit -> assertThat(hit.titleHighlight()).isNull());
        }
        // closing removed the setting: full searches again
        await().atMost(Duration.ofSeconds(30)).until(() -> !fallback.get().lean());
        assertThat(search(filtered).facets().priceRanges()).isNotEmpty();
    }

    @Test
    void productsOffShelfAreNeverFound() {
        assertThat(titles(search("clay " + marker))).isEmpty();
        assertThat(search(marker).total()).isEqualTo(6);
    }

    @Test
    void facetsCountTheMatchingProductsOnShelf() {
        SearchPage page = search(marker);

        List<ProductListing> matching = matching(p -> true);
        assertThat(page.facets().categories()).containsExactlyInAnyOrderElementsOf(facet(matching, true));
        assertThat(page.facets().brands()).containsExactlyInAnyOrderElementsOf(facet(matching, false));
        assertThat(page.facets().priceRanges()).containsExactlyElementsOf(priceRanges(matching));
    }

    @Test
    void eachFacetCountsWithEveryFilterButItsOwn() {
        SearchPage page = provider.search(query(marker, null, acme, null, null, SearchSort.RELEVANCE));

        assertThat(page.total()).isEqualTo(matching(p -> p.brandId() == acme).size());
        assertThat(page.facets().brands()).containsExactlyInAnyOrderElementsOf(facet(matching(p -> true), false));
        assertThat(page.facets().categories())
                .containsExactlyInAnyOrderElementsOf(facet(matching(p -> p.brandId() == acme), true));
        assertThat(page.facets().priceRanges())
                .containsExactlyElementsOf(priceRanges(matching(p -> p.brandId() == acme)));
    }

    @Test
    void aCategoryFilterMatchesEveryLevelBelowIt() {
        assertThat(search(query(marker, teaware, null, null, null, SearchSort.RELEVANCE))
                        .total())
                .isEqualTo(4);
        assertThat(search(query(marker, kitchen, null, null, null, SearchSort.RELEVANCE))
                        .total())
                .isEqualTo(6);
        assertThat(titles(search(query(marker, cups, globex, null, null, SearchSort.RELEVANCE))))
                .containsExactly("Espresso Cup " + marker);
    }

    @Test
    void priceBoundsAreInclusiveCentsOfTheLowestPrice() {
        assertThat(titles(search(query(marker, null, null, 3_490L, 5_000L, SearchSort.PRICE_ASC))))
                .containsExactly("Porcelain Teapot " + marker, "Tea Cup " + marker, "Espresso Cup " + marker);
    }

    @Test
    void sortsByPriceWithTiesInProductIdOrder() {
        List<ProductListing> onShelf = matching(p -> true);
        Comparator<ProductListing> byId = Comparator.comparingLong(ProductListing::productId);

        assertThat(ids(search(query(marker, null, null, null, null, SearchSort.PRICE_ASC))))
                .containsExactlyElementsOf(sortedIds(
                        onShelf,
                        Comparator.comparingLong(ProductListing::minPriceCents).thenComparing(byId)));
        assertThat(ids(search(query(marker, null, null, null, null, SearchSort.PRICE_DESC))))
                .containsExactlyElementsOf(sortedIds(
                        onShelf,
                        Comparator.comparingLong(ProductListing::minPriceCents)
                                .reversed()
                                .thenComparing(byId)));
        assertThat(ids(search(query(marker, null, null, null, null, SearchSort.NEWEST))))
                .containsExactlyElementsOf(sortedIds(onShelf, byId.reversed()));
    }

    @Test
    void pagesFollowEachOtherWithoutGapsOrRepeats() {
        List<Long> all = ids(search(marker));
        List<Long> paged = new ArrayList<>();
        for (int page = 0; page < 3; page++) {
            paged.addAll(ids(provider.search(new SearchQuery(marker, page, 2))));
        }

        assertThat(paged).hasSize(6).containsExactlyElementsOf(all);
    }

    @Test
    void searchOverHttpAnswersThePageWithFacetsAsJson() {
        var response = http.getForEntity(
                "/api/search?q={q}&brand={brand}&minPrice=3000&maxPrice=20000&sort=price_desc&page=0&size=5",
                String.class,
                "teapot " + marker,
                globex);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody())
                .contains("\"total\":1")
                .contains("\"size\":5")
                .contains("\"title\":\"Cast Iron Teapot " + marker + "\"")
                .contains("\"minPriceCents\":12000")
                .contains("\"titleHighlight\":\"Cast Iron <em>Teapot</em> <em>" + marker + "</em>\"")
                .contains("\"brands\":[{\"id\":" + acme + ",\"name\":\"Acme\",\"count\":1},{\"id\":" + globex
                        + ",\"name\":\"Globex\",\"count\":1}]");
    }

    @ParameterizedTest
    @CsvSource({
        "page, page=-1",
        "size, size=0",
        "size, size=101",
        "page, page=abc",
        "page, page=100&size=100",
        "category, category=0",
        "brand, brand=acme",
        "minPrice, minPrice=-1",
        "maxPrice, maxPrice=-1",
        "maxPrice, minPrice=5000&maxPrice=4999",
        "sort, sort=cheapest"
    })
    void badParametersAreABadRequestNamingTheField(String field, String parameters) {
        var response = http.getForEntity("/api/search?q=tea&" + parameters, String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody()).contains("\"field\":\"" + field + "\"");
    }

    @Test
    void overlongTextIsABadRequestNamingTheField() {
        var response =
                http.getForEntity("/api/search?q={q}", String.class, "x".repeat(SearchQuery.MAX_TEXT_LENGTH + 1));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody()).contains("\"field\":\"q\"");
    }

    @Test
    void theAliasPointsAtOneIndexWithTheProductMapping() throws Exception {
        var aliases = client.indices().getAlias(a -> a.name(names.alias())).result();
        String live = aliases.keySet().iterator().next();
        var mapping = client.indices()
                .getMapping(m -> m.index(live))
                .get(live)
                .mappings()
                .properties();

        assertThat(aliases).hasSize(1);
        assertThat(mapping.get("productId").isLong()).isTrue();
        assertThat(mapping.get("categoryPath").isLong()).isTrue();
        assertThat(mapping.get("minPriceCents").isLong()).isTrue();
        assertThat(mapping.get("onShelf").isBoolean()).isTrue();
        assertThat(mapping.get("subtitle").isText()).isTrue();
        assertThat(mapping.get("brandName").text().fields().get("keyword").isKeyword())
                .isTrue();
    }

    private List<ProductListing> matching(Predicate<ProductListing> filter) {
        return catalog.stream()
                .filter(ProductListing::onShelf)
                .filter(p -> p.title().contains(marker))
                .filter(filter)
                .toList();
    }

    private static List<FacetCount> facet(List<ProductListing> products, boolean byCategory) {
        ToLongFunction<ProductListing> id = byCategory ? ProductListing::categoryId : ProductListing::brandId;
        Map<Long, Long> counts = products.stream().collect(groupingBy(id::applyAsLong, counting()));
        return counts.entrySet().stream()
                .map(e -> new FacetCount(e.getKey(), nameOf(products, byCategory, e.getKey()), e.getValue()))
                .toList();
    }

    private static String nameOf(List<ProductListing> products, boolean byCategory, long id) {
        return products.stream()
                .filter(p -> (byCategory ? p.categoryId() : p.brandId()) == id)
                .map(p -> byCategory ? p.categoryName() : p.brandName())
                .findFirst()
                .orElseThrow();
    }

    /** The contract's fixed ranges, each counted from the test data. */
    private static List<PriceRangeCount> priceRanges(List<ProductListing> products) {
        List<PriceRangeCount> ranges = new ArrayList<>();
        Long from = null;
        for (Long to : Arrays.asList(5_000L, 10_000L, 20_000L, 50_000L, null)) {
            Long lower = from;
            long count = products.stream()
                    .filter(p ->
                            (lower == null || p.minPriceCents() >= lower) && (to == null || p.minPriceCents() < to))
                    .count();
            ranges.add(new PriceRangeCount(lower, to, count));
            from = to;
        }
        return ranges;
    }

    private static List<Long> sortedIds(List<ProductListing> products, Comparator<ProductListing> order) {
        return products.stream().sorted(order).map(ProductListing::productId).toList();
    }

    private SearchPage search(String text) {
        return provider.search(new SearchQuery(text, 0, 100));
    }

    private SearchPage search(SearchQuery query) {
        return provider.search(query);
    }

    private static SearchQuery query(String text, Long category, Long brand, Long min, Long max, SearchSort sort) {
        return new SearchQuery(text, category, brand, min, max, sort, 0, 100);
    }

    private static List<String> titles(SearchPage page) {
        return page.hits().stream().map(ProductHit::title).toList();
    }

    private static List<Long> ids(SearchPage page) {
        return page.hits().stream().map(ProductHit::productId).toList();
    }
}
