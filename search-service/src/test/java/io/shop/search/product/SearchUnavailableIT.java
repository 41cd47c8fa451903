package io.shop.search.product;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shop.api.ShopException;
import io.shop.api.search.ProductSearch;
import io.shop.api.search.SearchErrors;
import io.shop.api.search.SearchQuery;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;

/** Nothing listens on port 1 of loopback: an Elasticsearch that is down. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "shop.search.elasticsearch-uri=http://127.0.0.1:1",
            // no consumer: it could only fail and have the broker redeliver
            "rocketmq.consumer.listeners[search-service-it][shop-product-changed]=false"
        })
@ActiveProfiles("it")
class SearchUnavailableIT {

    @Autowired
    TestRestTemplate http;

    @Autowired
    ProductSearch provider;

    @Test
    void searchOverHttpIsAServiceUnavailableProblem() {
        var response = http.getForEntity("/api/search?q=tea", String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody()).contains("\"code\":\"SEARCH_UNAVAILABLE\"");
    }

    @Test
    void dubboCallerGetsTheUnavailableCode() {
        assertThatThrownBy(() -> provider.search(new SearchQuery("tea", 0, 10)))
                .isInstanceOfSatisfying(ShopException.class, e -> {
                    assertThat(e.code()).isEqualTo(SearchErrors.SEARCH_UNAVAILABLE);
                    assertThat(e.kind()).isEqualTo(ShopException.Kind.UNAVAILABLE);
                });
    }
}
