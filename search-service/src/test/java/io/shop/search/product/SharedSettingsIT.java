package io.shop.search.product;

import static org.awaitility.Awaitility.await;

import io.shop.testsupport.ZookeeperConfig;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;

/**
 * The settings every service shares ({@code infra/config/application.yml}, the ZooKeeper context
 * {@code application}), as an operator changes them while the services run: a log level set there
 * applies within seconds, and so does setting it back. (Removing the key does not undo a level:
 * Spring Cloud applies the levels the config holds and forgets none.)
 */
@SearchServiceIT
class SharedSettingsIT {

    private static final Duration SECONDS = Duration.ofSeconds(30);
    private static final Logger searcher = LoggerFactory.getLogger(ProductSearcher.class);

    @Value("${spring.cloud.zookeeper.connect-string}")
    String zookeeperAddress;

    @Value("${spring.cloud.zookeeper.config.root}")
    String configRoot;

    @Test
    void aLogLevelSetForEveryServiceAppliesWithinSecondsAndSoDoesSettingItBack() throws Exception {
        String key = "logging.level." + ProductSearcher.class.getName();
        try (ZookeeperConfig shared = ZookeeperConfig.of(zookeeperAddress, configRoot, "application")) {
            shared.set(key, "TRACE");
            await().atMost(SECONDS).until(searcher::isTraceEnabled);

            // the level of the it profile (application-it.yml: io.shop.search at DEBUG)
            shared.set(key, "DEBUG");
            await().atMost(SECONDS).until(() -> !searcher.isTraceEnabled() && searcher.isDebugEnabled());
        }
    }
}
