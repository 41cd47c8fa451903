package io.shop.search.product;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.shop.support.YamlSettings;
import io.shop.testsupport.NacosConsole;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.web.client.RestClient;

/**
 * The search fallback through Nacos, against a shop started with {@code ./shop up --registry nacos}
 * and a real Nacos 3 server at {@code NACOS_ADDRESS} (skipped without it): an operator who publishes
 * search-service.yml with the lean fallback on sees the running search-service answer without
 * facets within seconds, and with them again once the data id holds what it held before.
 */
@EnabledIfEnvironmentVariable(named = "NACOS_ADDRESS", matches = ".+")
class SearchFallbackNacosIT {

    private static final String DATA_ID = "search-service.yml";
    private static final String GROUP = "SHOP_CONFIG";
    private static final Duration SECONDS = Duration.ofSeconds(30);

    /** The running search-service at its own server.port. */
    private final RestClient search =
            RestClient.create("http://127.0.0.1:" + YamlSettings.resolve("application.yml", "server.port"));

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
    void theLeanFallbackPublishedInTheConsoleDropsTheFacetsUntilTheDataIdIsPutBack() throws Exception {
        nacos.publish(DATA_ID, GROUP, "shop.search.fallback:\n  lean: true\n");
        await().atMost(SECONDS).until(() -> priceRanges() == 0);

        nacos.publish(DATA_ID, GROUP, "shop.search.fallback:\n  lean: false\n");
        await().atMost(SECONDS).until(() -> priceRanges() > 0);
    }

    /** How many price ranges a search lists: every range normally, none in the lean fallback. */
    private int priceRanges() {
        JsonNode page = search.get().uri("/api/search?q=tea").retrieve().body(JsonNode.class);
        return page.path("facets").path("priceRanges").size();
    }
}
