package io.shop.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.shop.api.auth.IdentityHeaders;
import io.shop.support.YamlSettings;
import io.shop.testsupport.NacosConsole;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The gateway's rules in Nacos, against a shop started with {@code ./shop up --registry nacos} and
 * a real Nacos 3 server at {@code NACOS_ADDRESS} (skipped without it): an operator who publishes a
 * per-user rule of 2 requests a second on order-service's route sees one customer's burst cut with
 * 429 problems while another customer is served, and publishing a higher limit lifts it.
 */
@EnabledIfEnvironmentVariable(named = "NACOS_ADDRESS", matches = ".+")
class GatewayRulesNacosIT {

    private static final String DATA_ID = "gateway-flow-rules";
    private static final String GROUP = "SHOP_SENTINEL";
    private static final Duration SECONDS = Duration.ofSeconds(30);

    /** The running gateway, where it binds: shop.host and its own server.port. */
    private final String gateway = "http://" + YamlSettings.resolve("shop-defaults.yml", "shop.host") + ":"
            + YamlSettings.resolve("application.yml", "server.port");

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
    void perUserRulePublishedInTheConsoleLimitsOneCustomerAndARaisedOneLiftsIt() throws Exception {
        Storefront storefront =
                new Storefront(WebTestClient.bindToServer().baseUrl(gateway).build(), null);
        String busy = storefront.customer("Busy").bearer();
        String quiet = storefront.customer("Quiet").bearer();

        nacos.publish(DATA_ID, GROUP, perUserRuleOnOrders(2));
        Map<HttpStatus, List<HttpStatus>> limited = await().atMost(SECONDS)
                .until(() -> burst(busy), answers -> answers.containsKey(HttpStatus.TOO_MANY_REQUESTS));
        assertThat(limited.keySet()).isSubsetOf(HttpStatus.OK, HttpStatus.TOO_MANY_REQUESTS);
        assertThat(cart(quiet)).isEqualTo(HttpStatus.OK);

        nacos.publish(DATA_ID, GROUP, perUserRuleOnOrders(1000));
        await().atMost(SECONDS)
                .pollInterval(Duration.ofMillis(500))
                .until(() -> burst(busy).keySet().equals(Set.of(HttpStatus.OK)));
    }

    private static String perUserRuleOnOrders(int qps) {
        return """
                [{"resource": "order-service", "resourceMode": 0, "grade": 1, "count": %d, "intervalSec": 1,
                  "paramItem": {"parseStrategy": 2, "fieldName": "%s"}}]"""
                .formatted(qps, IdentityHeaders.USER_ID);
    }

    private HttpStatus cart(String bearer) {
        return WebClient.create(gateway)
                .get()
                .uri("/api/cart")
                .header(HttpHeaders.AUTHORIZATION, bearer)
                .exchangeToMono(response -> response.releaseBody()
                        .thenReturn(HttpStatus.valueOf(response.statusCode().value())))
                .block(SECONDS);
    }

    private Map<HttpStatus, List<HttpStatus>> burst(String bearer) {
        return IntStream.range(0, 20).mapToObj(i -> cart(bearer)).collect(Collectors.groupingBy(Function.identity()));
    }
}
