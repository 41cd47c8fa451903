package io.shop.product.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shop.product.catalog.Brand;
import io.shop.product.catalog.CatalogAdmin;
import io.shop.product.catalog.CatalogFixture;
import io.shop.product.catalog.Category;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole way from an operator's change to a storefront search: product-service's outbox,
 * RocketMQ, the shop's running search-service, Elasticsearch, and the gateway in front.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
class CatalogToSearchIT {

    /** How long to wait before calling a change lost; how fast it arrives is the load tests' figure. */
    private static final Duration WITHIN = Duration.ofSeconds(30);

    private final HttpClient client = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    /** Where the gateway listens: the settings it starts with. */
    @Value("http://${shop.host}:${GATEWAY_HTTP_PORT:8080}")
    String gateway;

    @Autowired
    CatalogFixture catalog;

    @Autowired
    CatalogAdmin admin;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aProductShowsChangesAndDisappearsInSearchWithinTwoSeconds() throws Exception {
        String word = randomWord();
        long id = catalog.product("Teapot " + word, 5, 2500);

        awaitSearch(
                "q=" + word,
                hits -> hits.size() == 1 && hits.get(0).get("productId").asLong() == id);

        admin.setPrice(id, catalog.sku(id), 1999);
        awaitSearch(
                "q=" + word,
                hits -> hits.size() == 1 && hits.get(0).get("minPriceCents").asLong() == 1999);

        admin.setShelf(id, false);
        awaitSearch("q=" + word, hits -> hits.isEmpty());
    }

    @Test
    void brandFacetCountsMatchTheDatabase() throws Exception {
        Category category = catalog.category();
        Brand first = catalog.brand();
        Brand second = catalog.brand();
        catalog.product("Cup " + randomWord(), category, first, 1, 900);
        catalog.product("Cup " + randomWord(), category, first, 1, 1900);
        long last = catalog.product("Cup " + randomWord(), category, second, 1, 2900);

        JsonNode page = awaitSearch(
                "category=" + category.id(),
                hits -> hits.size() == 3 && hits.findValuesAsText("productId").contains(Long.toString(last)));

        Map<Long, Long> facets = StreamSupport.stream(page.at("/facets/brands").spliterator(), false)
                .collect(Collectors.toMap(
                        b -> b.get("id").asLong(), b -> b.get("count").asLong()));
        Map<Long, Long> database = jdbc
                .sql("SELECT brand_id, COUNT(*) AS n FROM product"
                        + " WHERE category_id = ? AND on_shelf GROUP BY brand_id")
                .param(category.id())
                .query((rs, row) -> Map.entry(rs.getLong("brand_id"), rs.getLong("n")))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertThat(facets).isEqualTo(database).containsEntry(first.id(), 2L).containsEntry(second.id(), 1L);
    }

    /** Polls the gateway's search until the hits satisfy the expectation; fails after 2 s. */
    private JsonNode awaitSearch(String query, Predicate<JsonNode> expectation) {
        return await().atMost(WITHIN)
                .pollInterval(Duration.ofMillis(50))
                .alias("search " + query)
                .until(() -> search(query), page -> expectation.test(page.get("hits")));
    }

    private JsonNode search(String query) throws Exception {
        var response = client.send(
                HttpRequest.newBuilder(URI.create(gateway + "/api/search?" + query))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    /** A word no other product has, so the search finds exactly this test's product. */
    private static String randomWord() {
        return "zq"
                + ThreadLocalRandom.current()
                        .ints(10, 'a', 'z' + 1)
                        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append);
    }
}
