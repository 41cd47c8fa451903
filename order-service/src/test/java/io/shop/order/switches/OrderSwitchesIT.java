package io.shop.order.switches;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.JsonPath;
import io.shop.order.InProcessOrderService;
import io.shop.testsupport.ZookeeperConfig;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Operators' switches through the registry's config, as {@code ./shop config push} and an operator
 * write them: a ZooKeeper node under the instance's config root changes what the running
 * order-service answers within seconds, a value that is no boolean keeps the last good one, and
 * removing the node turns the switch back on.
 */
class OrderSwitchesIT extends InProcessOrderService {

    private static final Duration SECONDS = Duration.ofSeconds(30);
    private static final long NO_SUCH_SALE = 987_654_321L;

    @Value("${spring.cloud.zookeeper.connect-string}")
    String zookeeperAddress;

    private ZookeeperConfig config;

    @BeforeEach
    void connect() throws Exception {
        config = ZookeeperConfig.of(zookeeperAddress, CONFIG_ROOT, "order-service");
    }

    @AfterEach
    void switchesBackOn() throws Exception {
        config.close();
    }

    @Test
    void checkoutTurnedReadOnlyRefusesOrdersUntilItIsOpenAgain() throws Exception {
        long user = newUser();
        long sku = products.sku("Switch kettle", 2_000, 10);
        // polled while the switch takes effect: out of stock (409) until checkout is read-only (503)
        long soldOut = products.sku("Switch kettle, none left", 2_000, 0);

        config.set(OrderSwitches.CHECKOUT_OPEN, "false");
        await().atMost(SECONDS).untilAsserted(() -> assertProblem(place(user, soldOut), "CHECKOUT_READ_ONLY"));
        assertProblem(place(user, sku), "CHECKOUT_READ_ONLY");
        assertThat(api.get("/api/orders", user).getStatusCode()).isEqualTo(HttpStatus.OK);

        config.set(OrderSwitches.CHECKOUT_OPEN, "true");
        await().atMost(SECONDS).until(() -> place(user, sku).getStatusCode() == HttpStatus.CREATED);
    }

    @Test
    void aValueThatIsNoBooleanKeepsTheLastGoodOne() throws Exception {
        long user = newUser();
        long sku = products.sku("Switch toaster", 2_000, 10);
        long soldOut = products.sku("Switch toaster, none left", 2_000, 0);
        config.set(OrderSwitches.CHECKOUT_OPEN, "false");
        await().atMost(SECONDS).untilAsserted(() -> assertProblem(place(user, soldOut), "CHECKOUT_READ_ONLY"));

        config.set(OrderSwitches.CHECKOUT_OPEN, "perhaps");
        // a later change of another switch shows that the refresh after "perhaps" has happened
        config.set(OrderSwitches.FLASH_SALES_OPEN, "false");
        await().atMost(SECONDS).untilAsserted(() -> assertProblem(purchase(user), "FLASH_SALE_PAUSED"));
        assertProblem(place(user, sku), "CHECKOUT_READ_ONLY");

        config.remove(OrderSwitches.CHECKOUT_OPEN);
        config.remove(OrderSwitches.FLASH_SALES_OPEN);
        await().atMost(SECONDS).until(() -> place(user, sku).getStatusCode() == HttpStatus.CREATED);
        assertThat(purchase(user).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    private ResponseEntity<String> place(long user, long sku) {
        return api.placeOrder(
                user,
                UUID.randomUUID().toString(),
                Map.of("addressId", addressOf(user), "lines", List.of(Map.of("skuId", sku, "quantity", 1))));
    }

    private ResponseEntity<String> purchase(long user) {
        return api.call(
                HttpMethod.POST,
                "/api/flash-sales/" + NO_SUCH_SALE + "/purchase",
                user,
                "customer",
                UUID.randomUUID().toString(),
                null);
    }

    private static void assertProblem(ResponseEntity<String> response, String code) {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat((String) JsonPath.read(response.getBody(), "$.code")).isEqualTo(code);
    }
}
