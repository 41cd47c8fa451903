package io.shop.auth.login;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.shop.auth.AuthApi;
import io.shop.support.LiveSettings;
import io.shop.testsupport.SettingsChanges;
import io.shop.testsupport.ZookeeperConfig;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * The login throttle's limits as an operator changes them in ZooKeeper (Spring Cloud ZooKeeper
 * Config, the node layout {@code ./shop config push} writes): a lower limit per account throttles
 * the next failed login within seconds, without a restart; a limit of 0 is refused and the last
 * good one stays. This in-process auth-service reads a config root of its own, so the running
 * shop's settings are not touched.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "shop.it.config=own-root")
@ActiveProfiles("it")
class LoginThrottleLiveSettingsIT {

    private static final String ROOT = "/shop-it/auth-config";
    private static final String KEYS = LoginThrottleProperties.PREFIX + ".";
    private static final Duration SECONDS = Duration.ofSeconds(30);

    static {
        // read when the config is imported, before any profile's file, and again on every refresh;
        // the unique property above gives this class a Spring context of its own, made after this
        System.setProperty("spring.cloud.zookeeper.config.root", ROOT);
    }

    @Autowired
    LiveSettings<LoginThrottleProperties> limits;

    @Autowired
    MeterRegistry meters;

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    RedissonClient redis;

    @Value("${spring.cloud.zookeeper.connect-string}")
    String zookeeperAddress;

    private ZookeeperConfig config;
    private AuthApi api;
    private final String client = "2001:db8:5e7::" + Integer.toHexString((int) (Math.random() * 0xffff));

    @BeforeEach
    void connect() throws Exception {
        api = new AuthApi(http, redis, jdbc);
        config = ZookeeperConfig.of(zookeeperAddress, ROOT, "auth-service");
    }

    @AfterEach
    void cleanUp() throws Exception {
        config.close();
        api.cleanUp();
        redis.getBucket(LoginThrottle.CLIENT_PREFIX + client).delete();
    }

    @Test
    void aLowerLimitSetWhileRunningThrottlesTheNextFailureAndARefusedOneKeepsIt() throws Exception {
        String victim = api.registerUser();
        try {
            config.set(KEYS + "max-failures-per-account", "2");
            await().atMost(SECONDS).until(() -> limits.get().maxFailuresPerAccount() == 2);

            assertThat(api.login(victim, "guess-1", client).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
            assertThat(api.login(victim, "guess-2", client).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
            assertThat(api.login(victim, "guess-3", client).getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);

            // refused: no failure allowed at all
            double refusedBefore = SettingsChanges.refused(meters, LoginThrottleProperties.PREFIX);
            config.set(KEYS + "max-failures-per-account", "0");
            await().atMost(SECONDS)
                    .until(() -> SettingsChanges.refused(meters, LoginThrottleProperties.PREFIX) > refusedBefore);
            assertThat(limits.get().maxFailuresPerAccount()).isEqualTo(2);
        } finally {
            redis.getBucket(LoginThrottle.accountKey(victim)).delete();
        }
    }
}
