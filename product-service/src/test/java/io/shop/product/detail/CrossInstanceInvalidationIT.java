package io.shop.product.detail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.shop.product.catalog.CatalogAdmin;
import io.shop.product.catalog.CatalogFixture;
import io.shop.support.LiveSettings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.cloud.client.discovery.DiscoveryClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * Two instances: this test's in-process one writes, the shop's running product-service (the other
 * instance, with its own local cache) must show the change. It is found the way the gateway finds
 * it, through discovery (this in-process instance does not register). The wait is shorter than the
 * other instance's local TTL, so only the change's broadcast can make the new page appear.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
class CrossInstanceInvalidationIT {

    private final HttpClient client = HttpClient.newHttpClient();

    @Value("${spring.application.name}")
    String serviceName;

    @Autowired
    DiscoveryClient discovery;

    @Autowired
    LiveSettings<ProductCacheTtls> ttls;

    @Autowired
    CatalogFixture catalog;

    @Autowired
    CatalogAdmin admin;

    private URI otherInstance;

    @BeforeEach
    void findTheOtherInstance() {
        var instances = discovery.getInstances(serviceName);
        assertThat(instances)
                .as("running %s instances in discovery", serviceName)
                .isNotEmpty();
        otherInstance = instances.get(0).getUri();
    }

    @Test
    void aPriceChangedOnOneInstanceIsServedByTheOtherBeforeItsLocalCopyWouldExpire() {
        long id = catalog.product(CatalogFixture.unique("Travel Mug"), 5, 1500);
        long sku = catalog.sku(id);
        String before = awaitPage(id, "\"priceCents\":1500");
        assertThat(page(id)).isEqualTo(before); // the other instance now serves it from its caches

        admin.setPrice(id, sku, 1799);

        awaitPage(id, "\"priceCents\":1799");
    }

    private String awaitPage(long id, String expected) {
        return await().atMost(ttls.get().local().dividedBy(2))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> page(id), page -> page.contains(expected));
    }

    private String page(long id) {
        try {
            return client.send(
                            HttpRequest.newBuilder(otherInstance.resolve("/api/products/" + id))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
