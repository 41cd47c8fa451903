package io.shop.gateway.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisChannelHandler;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionStateListener;
import io.lettuce.core.RedisURI;
import io.lettuce.core.TrackingArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.push.PushMessage;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.protocol.ProtocolVersion;
import io.lettuce.core.resource.ClientResources;
import io.shop.api.auth.AccessTokens;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Whether a session was revoked (auth-service's marker {@code auth:revoked-session:<sid>}),
 * asked of Redis once per session instead of on every request. Redis tracks the markers for the
 * gateway (client tracking in broadcast mode on the marker prefix, over RESP3) and tells this
 * connection whenever one is written, deleted or expires; the gateway then forgets what it knew
 * of that session and asks again. While the tracking connection is down, or before it has
 * tracking on, nothing is answered from memory: every check asks Redis (and fails with it), and
 * what was known before is forgotten, since invalidations may have been missed meanwhile.
 *
 * <p>Besides the Redis round trip this spares, an answer from memory goes on on the request's own
 * event loop; an answer from Redis goes on on the Redis client's single connection thread, which
 * would otherwise carry the rest of every authenticated request.
 */
@Component
class RevokedSessions implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(RevokedSessions.class);

    private static final String PREFIX = AccessTokens.REVOKED_SESSION_KEY_PREFIX;
    private static final Duration RETRY_CONNECT = Duration.ofSeconds(1);

    private final ReactiveStringRedisTemplate redis;
    private final ClientResources resources;
    private final RedisURI uri;
    private final RedisClient client;

    private final Cache<String, Boolean> known = Caffeine.newBuilder()
            .maximumSize(100_000)
            .expireAfterAccess(Duration.ofMinutes(15))
            .build();

    private volatile StatefulRedisConnection<String, String> connection;
    private volatile boolean tracking;
    private volatile boolean closed;
    /** Moves on every invalidation and every loss of tracking; an answer asked before it moved is not kept. */
    private long generation;

    RevokedSessions(
            ReactiveStringRedisTemplate redis,
            ClientResources resources,
            @Value("${spring.data.redis.url}") String url) {
        this.redis = redis;
        this.resources = resources;
        this.uri = RedisURI.create(url);
        uri.setClientName("gateway-revocation-tracking-" + UUID.randomUUID());
        this.client = RedisClient.create(resources, uri);
        client.setOptions(
                ClientOptions.builder().protocolVersion(ProtocolVersion.RESP3).build());
        client.addListener(new RedisConnectionStateListener() {
            @Override
            public void onRedisConnected(RedisChannelHandler<?, ?> reconnected, SocketAddress address) {
                // the first connection is tracked once its push listener is in place, see connect()
                if (reconnected == connection) {
                    track();
                }
            }

            @Override
            public void onRedisDisconnected(RedisChannelHandler<?, ?> lost) {
                forgetAll();
            }
        });
        connect();
    }

    /** True if the session's marker exists; from memory when Redis is tracking it for us. */
    Mono<Boolean> revoked(String sessionId) {
        if (tracking) {
            Boolean answer = known.getIfPresent(sessionId);
            if (answer != null) {
                return Mono.just(answer);
            }
        }
        long asked = currentGeneration();
        return redis.hasKey(PREFIX + sessionId).doOnNext(revoked -> remember(sessionId, revoked, asked));
    }

    /** Whether answers come from memory now (tracking is on); for tests. */
    boolean tracking() {
        return tracking;
    }

    /** The tracking connection's name in Redis ({@code CLIENT LIST}); for tests. */
    String clientName() {
        return uri.getClientName();
    }

    private void connect() {
        if (closed) {
            return;
        }
        client.connectAsync(StringCodec.UTF8, uri).whenComplete((opened, failure) -> {
            if (failure != null) {
                log.debug("revocation tracking cannot connect to Redis yet: {}", failure.toString());
                resources.eventExecutorGroup().schedule(this::connect, RETRY_CONNECT.toMillis(), TimeUnit.MILLISECONDS);
                return;
            }
            opened.addListener(this::invalidated);
            connection = opened;
            track();
        });
    }

    private void track() {
        StatefulRedisConnection<String, String> current = connection;
        if (current == null || closed) {
            return;
        }
        current.async()
                .clientTracking(TrackingArgs.Builder.enabled().bcast().prefixes(PREFIX))
                .whenComplete((ok, failure) -> {
                    if (failure != null) {
                        log.warn("Redis did not turn on revocation tracking; every check asks Redis", failure);
                        return;
                    }
                    synchronized (this) {
                        generation++;
                        known.invalidateAll();
                        tracking = true;
                    }
                });
    }

    private void invalidated(PushMessage message) {
        if (!"invalidate".equals(message.getType())) {
            return;
        }
        List<Object> content = message.getContent(StringCodec.UTF8::decodeKey);
        Object keys = content.size() > 1 ? content.get(1) : null;
        synchronized (this) {
            generation++;
            if (keys instanceof List<?> written) {
                written.forEach(key -> known.invalidate(key.toString().substring(PREFIX.length())));
            } else {
                // Redis flushed its keys
                known.invalidateAll();
            }
        }
    }

    private synchronized void forgetAll() {
        tracking = false;
        generation++;
        known.invalidateAll();
    }

    private synchronized long currentGeneration() {
        return generation;
    }

    private synchronized void remember(String sessionId, boolean revoked, long asked) {
        if (tracking && generation == asked) {
            known.put(sessionId, revoked);
        }
    }

    @Override
    public void destroy() {
        closed = true;
        forgetAll();
        StatefulRedisConnection<String, String> current = connection;
        if (current != null) {
            current.close();
        }
        client.shutdown();
    }
}
