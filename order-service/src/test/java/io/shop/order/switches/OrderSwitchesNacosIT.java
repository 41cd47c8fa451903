package io.shop.order.switches;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.shop.order.OrderApi;
import io.shop.support.YamlSettings;
import io.shop.testsupport.NacosConsole;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.http.HttpStatus;

/**
 * The operators' switches through Nacos, against a shop started with {@code ./shop up --registry
 * nacos} and a real Nacos 3 server at {@code NACOS_ADDRESS} (skipped without it): an operator who
 * publishes order-service.yml with checkout closed sees the running order-service refuse orders
 * within seconds, and rolling the data id back to its previous version from the history opens it
 * again.
 */
@EnabledIfEnvironmentVariable(named = "NACOS_ADDRESS", matches = ".+")
class OrderSwitchesNacosIT {

    private static final String DATA_ID = "order-service.yml";
    private static final String GROUP = "SHOP_CONFIG";
    private static final Duration SECONDS = Duration.ofSeconds(30);
    private static final String OPEN = "shop.order.switches:\n  checkout-open: true\n";
    private static final String READ_ONLY = "shop.order.switches:\n  checkout-open: false\n";

    /** The running order-service at its own server.port, as the gateway calls it. */
    private final OrderApi order =
            new OrderApi(Integer.parseInt(YamlSettings.resolve("application.yml", "server.port")));

    private NacosConsole nacos;
    private Optional<String> before;

    @BeforeEach
    void signIn() throws Exception {
        nacos = new NacosConsole();
        before = nacos.content(DATA_ID, GROUP);
    }

    @AfterEach
    void putBack() throws Exception {
        nacos.restore(DATA_ID, GROUP, before);
    }

    @Test
    void checkoutClosedInTheConsoleRefusesOrdersAndARollbackOpensItAgain() throws Exception {
        nacos.publish(DATA_ID, GROUP, OPEN);
        await().atMost(SECONDS).until(() -> place() != HttpStatus.SERVICE_UNAVAILABLE);

        nacos.publish(DATA_ID, GROUP, READ_ONLY);
        await().atMost(SECONDS).until(() -> place() == HttpStatus.SERVICE_UNAVAILABLE);

        // the newest history entry holds the content before the last publish: roll back to it
        List<Long> history = nacos.history(DATA_ID, GROUP);
        String previous = nacos.historicContent(DATA_ID, GROUP, history.get(0));
        assertThat(previous).contains("checkout-open: true");
        nacos.publish(DATA_ID, GROUP, previous);
        await().atMost(SECONDS).until(() -> place() != HttpStatus.SERVICE_UNAVAILABLE);
    }

    /** An order nobody can place (no such address): 422 while checkout is open, 503 while read-only. */
    private HttpStatus place() {
        return HttpStatus.valueOf(order.placeOrder(
                        9_000_000_001L,
                        UUID.randomUUID().toString(),
                        Map.of("addressId", 1, "lines", List.of(Map.of("skuId", 1, "quantity", 1))))
                .getStatusCode()
                .value());
    }
}
