package io.shop.order.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.alibaba.csp.sentinel.slots.block.degrade.DegradeRuleManager;
import com.jayway.jsonpath.JsonPath;
import io.shop.order.InProcessOrderService;
import io.shop.support.YamlSettings;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.ExponentialBackoffRetry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Sentinel rules from ZooKeeper on both ends of the order → product call, as an operator writes
 * them: the running product-service's hot-parameter rule refuses every call that names one SKU
 * (429 at the edge), those refusals are faults that open this order-service's circuit breaker on
 * ProductService, and while it is open every cart call is a 503 problem without reaching
 * product-service; once the hot rule is gone, the breaker's probe after its window closes it again.
 */
class CatalogCircuitBreakerIT extends InProcessOrderService {

    private static final Duration SECONDS = Duration.ofSeconds(30);
    private static final String PRODUCT_SERVICE = "io.shop.api.product.ProductService";

    /** The running product-service's rules, where it watches them (its shop-defaults.yml). */
    private static final String PRODUCT_HOT_RULES =
            YamlSettings.resolve("shop-defaults.yml", "shop.sentinel.rules-root") + "/product-service-param-flow-rules";

    @Value("${shop.sentinel.rules-root}")
    String ownRules;

    @Value("${spring.cloud.zookeeper.connect-string}")
    String zookeeperAddress;

    private CuratorFramework zookeeper;
    private byte[] productRulesBefore;

    @BeforeEach
    void connect() throws Exception {
        zookeeper = CuratorFrameworkFactory.newClient(zookeeperAddress, new ExponentialBackoffRetry(200, 5));
        zookeeper.start();
        zookeeper.blockUntilConnected();
        productRulesBefore = zookeeper.checkExists().forPath(PRODUCT_HOT_RULES) == null
                ? null
                : zookeeper.getData().forPath(PRODUCT_HOT_RULES);
    }

    @AfterEach
    void putTheRulesBack() throws Exception {
        restoreProductRules();
        if (zookeeper.checkExists().forPath(ownRules) != null) {
            zookeeper.delete().deletingChildrenIfNeeded().forPath(ownRules);
        }
        zookeeper.close();
    }

    @Test
    void productServiceRefusingAHotSkuOpensTheBreakerUntilTheRuleIsGone() throws Exception {
        long user = newUser();
        long hot = products.sku("Breaker hot kettle", 2_000, 1_000);
        long calm = products.sku("Breaker calm cup", 500, 1_000);
        // more than 2 faults within 10 s open the breaker for 2 s
        write(
                ownRules + "/order-service-degrade-rules",
                """
                [{"resource": "%s", "grade": 2, "count": 2, "minRequestAmount": 1,
                  "statIntervalMs": 10000, "timeWindow": 2}]"""
                        .formatted(PRODUCT_SERVICE));
        await().atMost(SECONDS).until(() -> DegradeRuleManager.hasConfig(PRODUCT_SERVICE));
        assertThat(addToCart(user, calm).getStatusCode()).isEqualTo(HttpStatus.OK);

        write(
                PRODUCT_HOT_RULES,
                """
                [{"resource": "%s:getSkus(java.util.List)", "paramIdx": 0, "grade": 1, "count": 100000,
                  "paramFlowItemList": [{"object": "%d", "classType": "java.lang.Long", "count": 0}]}]"""
                        .formatted(PRODUCT_SERVICE, hot));
        ResponseEntity<String> refused = await().atMost(SECONDS)
                .until(() -> addToCart(user, hot), answer -> answer.getStatusCode() != HttpStatus.OK);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat((String) JsonPath.read(refused.getBody(), "$.code")).isEqualTo("TOO_MANY_REQUESTS");

        // the refusals count against ProductService: soon the calm SKU is refused too, by the breaker
        ResponseEntity<String> open = await().atMost(SECONDS)
                .until(
                        () -> {
                            addToCart(user, hot);
                            return addToCart(user, calm);
                        },
                        answer -> answer.getStatusCode() == HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(open.getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat((String) JsonPath.read(open.getBody(), "$.code")).isEqualTo("DEPENDENCY_UNAVAILABLE");
        assertThat(open.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("2");

        restoreProductRules();
        // the first call after the window is the probe; it succeeds and closes the breaker
        await().atMost(SECONDS).until(() -> addToCart(user, hot).getStatusCode() == HttpStatus.OK);
        assertThat(addToCart(user, calm).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    private ResponseEntity<String> addToCart(long user, long sku) {
        return api.post("/api/cart/items", user, Map.of("skuId", sku, "quantity", 1));
    }

    private void write(String path, String rules) throws Exception {
        byte[] data = rules.getBytes(StandardCharsets.UTF_8);
        if (zookeeper.checkExists().forPath(path) == null) {
            zookeeper.create().creatingParentsIfNeeded().forPath(path, data);
        } else {
            zookeeper.setData().forPath(path, data);
        }
    }

    private void restoreProductRules() throws Exception {
        if (productRulesBefore != null) {
            write(PRODUCT_HOT_RULES, new String(productRulesBefore, StandardCharsets.UTF_8));
        } else if (zookeeper.checkExists().forPath(PRODUCT_HOT_RULES) != null) {
            zookeeper.delete().forPath(PRODUCT_HOT_RULES);
        }
    }
}
