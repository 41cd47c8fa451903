package io.shop.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.alibaba.csp.sentinel.adapter.gateway.common.rule.GatewayFlowRule;
import com.alibaba.csp.sentinel.adapter.gateway.common.rule.GatewayRuleManager;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import io.shop.api.auth.AccessTokens;
import io.shop.api.auth.IdentityHeaders;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.ExponentialBackoffRetry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;

/**
 * The in-process gateway with its real token check, identity headers and Sentinel rules from
 * ZooKeeper ({@code ZOOKEEPER_ADDRESS}) and Redis. auth-service is stood in for by a JWK set this
 * test serves from a key it generated ({@code shop.gateway.jwks-uri}); the route
 * {@code /api/test-echo/**} leads to a local server that answers with the identity headers it got.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
class SecureGatewayIT {

    private static final ECKey KEY = generateKey("it-" + UUID.randomUUID());
    private static final HttpServer STAND_IN = standIn();
    private static final String RULES_ROOT = "/shop-it/gateway-" + UUID.randomUUID();
    private static final String RULES_PATH = RULES_ROOT + "/gateway-flow-rules";

    @Autowired
    WebTestClient http;

    @Autowired
    ReactiveStringRedisTemplate redis;

    @LocalServerPort
    int port;

    @Value("${shop.zookeeper}")
    String zookeeper;

    @DynamicPropertySource
    static void standInAuthService(DynamicPropertyRegistry registry) {
        registry.add("shop.gateway.jwks-uri", () -> standInUri() + "/.well-known/jwks.json");
        registry.add("shop.gateway.jwks-load-balanced", () -> "false");
        registry.add("shop.gateway.sentinel.rules-path", () -> RULES_PATH);
    }

    @AfterEach
    void removeTheRulesOfThisTest() throws Exception {
        try (CuratorFramework zk = zookeeper(zookeeper)) {
            if (zk.checkExists().forPath(RULES_ROOT) != null) {
                zk.delete().deletingChildrenIfNeeded().forPath(RULES_ROOT);
            }
        }
    }

    @AfterAll
    static void stopStandIn() {
        STAND_IN.stop(0);
    }

    @Test
    void validTokenReplacesTheClientSentIdentity() {
        echo(signed(KEY, claims("4711", "sid-" + UUID.randomUUID())))
                .header(IdentityHeaders.USER_ID, "1")
                .header(IdentityHeaders.ROLES, "admin")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .value(body -> assertThat(body)
                        .contains("user=4711;")
                        .contains("roles=customer;")
                        .doesNotContain("admin"));
    }

    @Test
    void forgedSignatureIsRefused() {
        ECKey impostor = generateKey(KEY.getKeyID());
        expectUnauthorized(signed(impostor, claims("1", "s")));
    }

    @Test
    void expiredTokenIsRefused() {
        Instant past = Instant.now().minus(Duration.ofMinutes(10));
        var expired = new JWTClaimsSet.Builder(claims("1", "s"))
                .issueTime(Date.from(past.minusSeconds(600)))
                .expirationTime(Date.from(past))
                .build();
        expectUnauthorized(signed(KEY, expired));
    }

    @Test
    void tokenOfAnUnknownKeyIsRefused() {
        expectUnauthorized(signed(generateKey("unknown-" + UUID.randomUUID()), claims("1", "s")));
    }

    @Test
    void unsignedTokenIsRefused() {
        expectUnauthorized(new PlainJWT(claims("1", "s")).serialize());
    }

    @Test
    void hmacTokenIsRefused() throws Exception {
        var header =
                new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(KEY.getKeyID()).build();
        var jwt = new SignedJWT(header, claims("1", "s"));
        jwt.sign(new MACSigner(KEY.toPublicJWK().toJSONString().getBytes(StandardCharsets.UTF_8)));
        expectUnauthorized(jwt.serialize());
    }

    @Test
    void tokenOfARevokedSessionIsRefused() {
        String sid = "it-revoked-" + UUID.randomUUID();
        String key = AccessTokens.REVOKED_SESSION_KEY_PREFIX + sid;
        String token = signed(KEY, claims("99", sid));
        echo(token).exchange().expectStatus().isOk();
        redis.opsForValue().set(key, "1", Duration.ofMinutes(1)).block();
        try {
            // the gateway learns of the revocation from Redis's invalidation message, moments after it was written
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> expectUnauthorized(token));
        } finally {
            redis.delete(key).block();
        }
    }

    @Test
    void customerTokenIsForbiddenTheAdminApi() {
        http.get()
                .uri("/api/admin/anything")
                .headers(h -> h.setBearerAuth(signed(KEY, claims("5", "s5"))))
                .exchange()
                .expectStatus()
                .isForbidden()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.requestId")
                .exists();
    }

    @Test
    void routeRuleFromZooKeeperLimitsAndIsChangedWithoutRestart() throws Exception {
        String token = signed(KEY, claims("77", "s77"));
        try (CuratorFramework zk = zookeeper(zookeeper)) {
            writeRule(zk, 5);
            Map<HttpStatus, List<HttpStatus>> limited = burst(token);
            assertThat(limited).containsKeys(HttpStatus.OK, HttpStatus.TOO_MANY_REQUESTS);
            assertThat(limited.keySet()).containsOnly(HttpStatus.OK, HttpStatus.TOO_MANY_REQUESTS);

            writeRule(zk, 1000);
            // once the new rule is loaded and the QPS window of the burst above has passed
            await().atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(500))
                    .untilAsserted(() -> assertThat(burst(token)).containsOnlyKeys(HttpStatus.OK));
        }
    }

    @Test
    void perUserRuleFromZooKeeperLimitsOneUserNotTheOthersAndIsChangedWithoutRestart() throws Exception {
        String busy = signed(KEY, claims("81", "s81"));
        String quiet = signed(KEY, claims("82", "s82"));
        try (CuratorFramework zk = zookeeper(zookeeper)) {
            writeRules(zk, perUserRule(3), 3);
            assertThat(burst(busy)).containsOnlyKeys(HttpStatus.OK, HttpStatus.TOO_MANY_REQUESTS);
            echo(quiet).exchange().expectStatus().isOk();

            writeRules(zk, perUserRule(1000), 1000);
            await().atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(500))
                    .untilAsserted(() -> assertThat(burst(busy)).containsOnlyKeys(HttpStatus.OK));
        }
    }

    @Test
    void blockedRequestIsATooManyRequestsProblem() throws Exception {
        // a rule that admits nothing on this route's resource, then put back
        String token = signed(KEY, claims("78", "s78"));
        try (CuratorFramework zk = zookeeper(zookeeper)) {
            writeRule(zk, 0);
            echo(token)
                    .exchange()
                    .expectStatus()
                    .isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
                    .expectHeader()
                    .valueEquals(HttpHeaders.RETRY_AFTER, "1")
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.status")
                    .isEqualTo(429)
                    .jsonPath("$.requestId")
                    .exists();
            writeRule(zk, 1000);
        }
    }

    private void writeRule(CuratorFramework zk, int qps) throws Exception {
        writeRules(
                zk,
                "[{\"resource\":\"test-echo\",\"resourceMode\":0,\"grade\":1,\"count\":" + qps + ",\"intervalSec\":1}]",
                qps);
    }

    /** The route's budget per verified user, as the committed per-user rules are written. */
    private static String perUserRule(int qps) {
        return "[{\"resource\":\"test-echo\",\"resourceMode\":0,\"grade\":1,\"count\":" + qps
                + ",\"intervalSec\":1,\"paramItem\":{\"parseStrategy\":2,\"fieldName\":\""
                + IdentityHeaders.USER_ID + "\"}}]";
    }

    /** Writes the rules node and waits until the gateway's only rule on the route counts {@code qps}. */
    private void writeRules(CuratorFramework zk, String json, int qps) throws Exception {
        byte[] rules = json.getBytes(StandardCharsets.UTF_8);
        if (zk.checkExists().forPath(RULES_PATH) == null) {
            zk.create().creatingParentsIfNeeded().forPath(RULES_PATH, rules);
        } else {
            zk.setData().forPath(RULES_PATH, rules);
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> GatewayRuleManager.getRulesForResource("test-echo").stream()
                .map(GatewayFlowRule::getCount)
                .toList()
                .equals(List.of((double) qps)));
    }

    private Map<HttpStatus, List<HttpStatus>> burst(String token) {
        WebClient client = WebClient.create("http://127.0.0.1:" + port);
        return Flux.range(0, 30)
                .flatMap(
                        i -> client.get()
                                .uri("/api/test-echo/burst")
                                .headers(h -> h.setBearerAuth(token))
                                .exchangeToMono(response -> response.releaseBody()
                                        .thenReturn(HttpStatus.valueOf(
                                                response.statusCode().value()))),
                        30)
                .collect(Collectors.groupingBy(Function.identity()))
                .block(Duration.ofSeconds(30));
    }

    private WebTestClient.RequestHeadersSpec<?> echo(String token) {
        return http.get().uri("/api/test-echo/who").headers(h -> h.setBearerAuth(token));
    }

    private void expectUnauthorized(String token) {
        echo(token)
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .value(HttpHeaders.WWW_AUTHENTICATE, challenge -> assertThat(challenge)
                        .startsWith("Bearer"))
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(401)
                .jsonPath("$.requestId")
                .exists();
    }

    private static JWTClaimsSet claims(String subject, String sid) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(AccessTokens.ISSUER)
                .audience(AccessTokens.AUDIENCE)
                .subject(subject)
                .claim(AccessTokens.ROLES_CLAIM, List.of("customer"))
                .claim(AccessTokens.SESSION_CLAIM, sid)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(300)))
                .build();
    }

    private static String signed(ECKey key, JWTClaimsSet claims) {
        try {
            JWSSigner signer = new ECDSASigner(key);
            var header = new JWSHeader.Builder(JWSAlgorithm.ES256)
                    .keyID(key.getKeyID())
                    .type(JOSEObjectType.JWT)
                    .build();
            var jwt = new SignedJWT(header, claims);
            jwt.sign(signer);
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static ECKey generateKey(String kid) {
        try {
            return new ECKeyGenerator(Curve.P_256).keyID(kid).generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static CuratorFramework zookeeper(String address) throws InterruptedException {
        CuratorFramework zk = CuratorFrameworkFactory.newClient(address, new ExponentialBackoffRetry(200, 3));
        zk.start();
        assertThat(zk.blockUntilConnected(10, TimeUnit.SECONDS)).isTrue();
        return zk;
    }

    private static String standInUri() {
        return "http://127.0.0.1:" + STAND_IN.getAddress().getPort();
    }

    /** auth-service's key set, and an echo of the identity headers behind the test route. */
    private static HttpServer standIn() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/.well-known/jwks.json", exchange -> {
                byte[] body = new JWKSet(KEY.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.createContext("/api/test-echo", exchange -> {
                var headers = exchange.getRequestHeaders();
                byte[] body = ("user=" + headers.getFirst(IdentityHeaders.USER_ID) + ";roles="
                                + headers.getFirst(IdentityHeaders.ROLES) + ";sid="
                                + headers.getFirst(IdentityHeaders.SESSION_ID))
                        .getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(8));
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @TestConfiguration
    static class EchoRoute {

        @Bean
        RouteLocator echoRoute(RouteLocatorBuilder routes) {
            return routes.routes()
                    .route("test-echo", r -> r.path("/api/test-echo/**").uri(standInUri()))
                    .build();
        }
    }
}
