package io.shop.order.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.JsonPath;
import io.shop.order.OrderApi;
import io.shop.support.YamlSettings;
import io.shop.testsupport.NacosConsole;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Sentinel rules in Nacos on both ends of the order → product call, against a shop started with
 * {@code ./shop up --registry nacos} and a real Nacos 3 server at {@code NACOS_ADDRESS} (skipped
 * without it): an operator who publishes a flow rule that admits no {@code getSkus} call at
 * product-service, and a tight breaker for order-service, sees cart calls refused with 429, then
 * the running order-service's breaker open (503 problem); publishing the rules back closes it.
 */
@EnabledIfEnvironmentVariable(named = "NACOS_ADDRESS", matches = ".+")
class CatalogCircuitBreakerNacosIT {

    private static final String GROUP = "SHOP_SENTINEL";
    private static final String PRODUCT_FLOW = "product-service-flow-rules";
    private static final String ORDER_DEGRADE = "order-service-degrade-rules";
    private static final Duration SECONDS = Duration.ofSeconds(30);
    private static final long NO_SUCH_USER = 9_000_000_003L;
    private static final long NO_SUCH_SKU = 9_000_000_004L;

    /** The running order-service at its own server.port, as the gateway calls it. */
    private final OrderApi order =
            new OrderApi(Integer.parseInt(YamlSettings.resolve("application.yml", "server.port")));

    private NacosConsole nacos;
    private final Map<String, Optional<String>> before = new LinkedHashMap<>();

    @BeforeEach
    void signIn() throws Exception {
        nacos = new NacosConsole();
        for (String dataId : new String[] {PRODUCT_FLOW, ORDER_DEGRADE}) {
            before.put(dataId, nacos.content(dataId, GROUP));
        }
    }

    @AfterEach
    void putBack() throws Exception {
        for (Map.Entry<String, Optional<String>> rules : before.entrySet()) {
            nacos.restore(rules.getKey(), GROUP, rules.getValue());
        }
    }

    @Test
    void productServiceRefusingEveryLookupOpensTheBreakerUntilTheRulesArePublishedBack() throws Exception {
        nacos.publish(
                ORDER_DEGRADE,
                GROUP,
                """
                [{"resource": "io.shop.api.product.ProductService", "grade": 2, "count": 2,
                  "minRequestAmount": 1, "statIntervalMs": 10000, "timeWindow": 2}]""");
        nacos.publish(
                PRODUCT_FLOW,
                GROUP,
                """
                [{"resource": "io.shop.api.product.ProductService:getSkus(java.util.List)", "grade": 1, "count": 0}]""");

        ResponseEntity<String> refused = await().atMost(SECONDS)
                .until(this::addToCart, answer -> answer.getStatusCode() == HttpStatus.TOO_MANY_REQUESTS);
        assertThat((String) JsonPath.read(refused.getBody(), "$.code")).isEqualTo("TOO_MANY_REQUESTS");

        ResponseEntity<String> open = await().atMost(SECONDS)
                .until(this::addToCart, answer -> answer.getStatusCode() == HttpStatus.SERVICE_UNAVAILABLE);
        assertThat((String) JsonPath.read(open.getBody(), "$.code")).isEqualTo("DEPENDENCY_UNAVAILABLE");

        nacos.publish(PRODUCT_FLOW, GROUP, "[]");
        // product-service answers again, once the breaker's probe got through: no such SKU
        await().atMost(SECONDS).until(() -> addToCart().getStatusCode() == HttpStatus.NOT_FOUND);
    }

    private ResponseEntity<String> addToCart() {
        return order.post("/api/cart/items", NO_SUCH_USER, Map.of("skuId", NO_SUCH_SKU, "quantity", 1));
    }
}
