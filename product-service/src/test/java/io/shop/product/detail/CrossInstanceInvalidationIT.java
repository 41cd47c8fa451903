package io.shop.product.detail;

import static org.assertj.core.api.Assertions.assertThat;

import io.shop.product.catalog.CatalogAdmin;
import io.shop.product.catalog.CatalogFixture;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * Two instances: this test's in-process one writes, the shop's running product-service (the other
 * instance, with its own local cache) must show the change within a second.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
class CrossInstanceInvalidationIT {

    private final HttpClient client = HttpClient.newHttpClient();

    @Value("${shop.test.other-instance:http://127.0.0.1:8083}")
    String otherInstance;

    @Autowired
    CatalogFixture catalog;

    @Autowired
    CatalogAdmin admin;

    @Test
    void aPriceChangedOnOneInstanceIsServedByTheOtherWithinOneSecond() throws Exception {
        long id = catalog.product(CatalogFixture.unique("Travel Mug"), 5, 1500);
        long sku = catalog.sku(id);
        String before = awaitPage(id, "\"priceCents\":1500", Duration.ofSeconds(5));
        assertThat(page(id)).isEqualTo(before); // the other instance now serves it from its caches

        long changedAt = System.nanoTime();
        admin.setPrice(id, sku, 1799);
        awaitPage(id, "\"priceCents\":1799", Duration.ofSeconds(1));

        assertThat(Duration.ofNanos(System.nanoTime() - changedAt)).isLessThan(Duration.ofSeconds(1));
    }

    private String awaitPage(long id, String expected, Duration within) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        String page = page(id);
        while (!page.contains(expected) && System.nanoTime() < deadline) {
            Thread.sleep(20);
            page = page(id);
        }
        assertThat(page).as("page of product %d on the other instance", id).contains(expected);
        return page;
    }

    private String page(long id) throws Exception {
        return client.send(
                        HttpRequest.newBuilder(URI.create(otherInstance + "/api/products/" + id))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
    }
}
