package io.shop.product.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
class ProductApiIT {

    @Autowired
    TestRestTemplate http;

    @Autowired
    ProductRepository products;

    @Test
    void productDetailIsReadFromTheDatabase() {
        long id = products.insert("Porcelain Tea Cup", "white, 250 ml", 1299, 7);

        var response = http.getForEntity("/api/products/{id}", String.class, id);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody())
                .contains("\"id\":" + id)
                .contains("\"name\":\"Porcelain Tea Cup\"")
                .contains("\"priceCents\":1299")
                .contains("\"stock\":7");
    }

    @Test
    void unknownProductIsANotFoundProblemWithItsCode() {
        var response = http.getForEntity("/api/products/{id}", String.class, Long.MAX_VALUE);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody())
                .contains("\"code\":\"PRODUCT_NOT_FOUND\"")
                .contains("\"status\":404");
    }

    @Test
    void malformedIdIsABadRequestProblemNamingTheField() {
        var response = http.getForEntity("/api/products/not-a-number", String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody()).contains("\"field\":\"id\"");
    }
}
