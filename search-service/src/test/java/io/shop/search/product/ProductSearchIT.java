package io.shop.search.product;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.shop.api.search.ProductSearch;
import io.shop.api.search.SearchPage;
import io.shop.api.search.SearchPage.ProductHit;
import io.shop.api.search.SearchQuery;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
class ProductSearchIT {

    @Autowired
    ProductIndex index;

    @Autowired
    ProductSearch provider;

    @Autowired
    ElasticsearchClient client;

    @Autowired
    TestRestTemplate http;

    /** A word no earlier run indexed, so the hits of this run are known exactly. */
    private final String marker = "m" + UUID.randomUUID().toString().replace("-", "");

    @Test
    void onlyTheProductMatchingEveryWordIsFound() throws Exception {
        var teapot = product("Porcelain Teapot " + marker, "holds 1.2 litres", 3490);
        var whisk = product("Bamboo Whisk " + marker, "for matcha", 1290);
        index.index(teapot);
        index.index(whisk);
        refresh();

        SearchPage page = provider.search(new SearchQuery("teapot " + marker, 0, 10));

        assertThat(page.total()).isEqualTo(1);
        assertThat(page.hits()).containsExactly(new ProductHit(teapot.id(), teapot.name(), 3490));
    }

    @Test
    void searchOverHttpAnswersThePageAsJson() throws Exception {
        var whisk = product("Bamboo Whisk " + marker, "for matcha", 1290);
        index.index(whisk);
        refresh();

        var response = http.getForEntity("/api/search?q={q}&page=0&size=5", String.class, "whisk " + marker);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody())
                .contains("\"total\":1")
                .contains("\"size\":5")
                .contains("\"productId\":" + whisk.id())
                .contains("\"priceCents\":1290");
    }

    @ParameterizedTest
    @CsvSource({"page, page=-1", "size, size=0", "size, size=101", "page, page=abc"})
    void badPagingIsABadRequestNamingTheField(String field, String parameter) {
        var response = http.getForEntity("/api/search?q=tea&" + parameter, String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody()).contains("\"field\":\"" + field + "\"");
    }

    @Test
    void overlongTextIsABadRequestNamingTheField() {
        var response = http.getForEntity("/api/search?q={q}", String.class, "x".repeat(101));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody()).contains("\"field\":\"q\"");
    }

    @Test
    void indexIsAnAliasOverTheFirstVersionWithItsMapping() throws Exception {
        var aliases = client.indices().getAlias(alias -> alias.name(ProductIndex.ALIAS));
        var mapping = client.indices()
                .getMapping(m -> m.index(ProductIndex.FIRST_INDEX))
                .get(ProductIndex.FIRST_INDEX)
                .mappings()
                .properties();

        assertThat(aliases.result()).containsOnlyKeys(ProductIndex.FIRST_INDEX);
        assertThat(mapping.get("id").isLong()).isTrue();
        assertThat(mapping.get("priceCents").isLong()).isTrue();
        assertThat(mapping.get("description").isText()).isTrue();
        assertThat(mapping.get("name").text().fields().get("keyword").isKeyword())
                .isTrue();
    }

    private void refresh() throws Exception {
        client.indices().refresh(r -> r.index(ProductIndex.ALIAS));
    }

    private static ProductDocument product(String name, String description, long priceCents) {
        return new ProductDocument(
                ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE), name, description, priceCents);
    }
}
