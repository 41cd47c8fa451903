package io.shop.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import io.shop.api.auth.AccessTokens;
import io.shop.support.YamlSettings;
import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/**
 * {@link RevokedSessions} against the real Redis (the gateway's own {@code spring.data.redis.url}):
 * a session seen before is answered from memory, a revocation written later is seen, and nothing
 * learned before a lost tracking connection is trusted after it.
 */
class RevokedSessionsIT {

    private static final RedisURI REDIS =
            RedisURI.create(YamlSettings.resolve("application.yml", "spring.data.redis.url"));

    private final ClientResources resources = DefaultClientResources.create();
    private final RedisClient admin = RedisClient.create(resources, REDIS);
    private final StatefulRedisConnection<String, String> direct = admin.connect();
    private LettuceConnectionFactory factory;
    private RevokedSessions sessions;
    private final String session = "it-" + UUID.randomUUID();

    @BeforeEach
    void start() {
        factory = new LettuceConnectionFactory(new RedisStandaloneConfiguration(REDIS.getHost(), REDIS.getPort()));
        factory.afterPropertiesSet();
        factory.start();
        sessions = new RevokedSessions(
                new ReactiveStringRedisTemplate(factory),
                resources,
                REDIS.toURI().toString());
        await().atMost(Duration.ofSeconds(30)).until(sessions::tracking);
    }

    @AfterEach
    void stop() {
        sessions.destroy();
        factory.destroy();
        direct.sync().del(marker());
        direct.close();
        admin.shutdown();
        resources.shutdown();
    }

    @Test
    void aSessionSeenBeforeIsAnsweredWithoutAskingRedis() {
        assertThat(sessions.revoked(session).block()).isFalse();
        factory.destroy();

        assertThat(sessions.revoked(session).block()).isFalse();
    }

    @Test
    void aSessionRevokedAfterItWasSeenIsRefused() {
        assertThat(sessions.revoked(session).block()).isFalse();

        direct.sync().setex(marker(), 60, "1");

        await().atMost(Duration.ofSeconds(10))
                .until(() -> sessions.revoked(session).block());
    }

    @Test
    void aRevocationMissedWhileTheTrackingConnectionWasDownIsStillSeen() {
        assertThat(sessions.revoked(session).block()).isFalse();

        direct.sync().clientKill(trackingClientAddress());
        direct.sync().setex(marker(), 60, "1");

        await().atMost(Duration.ofSeconds(10))
                .until(() -> sessions.revoked(session).block());
        await().atMost(Duration.ofSeconds(30)).until(sessions::tracking);
        assertThat(sessions.revoked(session).block()).isTrue();
    }

    private String marker() {
        return AccessTokens.REVOKED_SESSION_KEY_PREFIX + session;
    }

    private String trackingClientAddress() {
        return Arrays.stream(direct.sync().clientList().split("\n"))
                .filter(client -> client.contains(" name=" + sessions.clientName() + " "))
                .flatMap(client -> Arrays.stream(client.split(" ")))
                .filter(field -> field.startsWith("addr="))
                .map(field -> field.substring("addr=".length()))
                .findFirst()
                .orElseThrow();
    }
}
