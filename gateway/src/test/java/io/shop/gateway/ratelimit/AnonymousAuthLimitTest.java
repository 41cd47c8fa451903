package io.shop.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import com.alibaba.csp.sentinel.adapter.gateway.common.rule.GatewayFlowRule;
import com.alibaba.csp.sentinel.adapter.gateway.common.rule.GatewayRuleManager;
import com.alibaba.csp.sentinel.adapter.gateway.sc.SentinelGatewayFilter;
import com.alibaba.csp.sentinel.slots.block.BlockException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The committed rules ({@value CommittedGatewayRules#FILE}, which {@code ./shop config push} writes) with the anonymous-auth API
 * group, run through Sentinel's own gateway filter: per client address, not per route.
 */
class AnonymousAuthLimitTest {

    private static final String CLIENT = "203.0.113.7";
    private static final String NEIGHBOUR = "198.51.100.9";

    private final SentinelGatewayFilter sentinel = new SentinelGatewayFilter();

    @BeforeAll
    static void loadTheDefaultRules() throws IOException {
        try (InputStream in = Files.newInputStream(Path.of(CommittedGatewayRules.FILE))) {
            List<GatewayFlowRule> rules = new ObjectMapper()
                    .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(in, new TypeReference<>() {});
            GatewayRuleManager.loadRules(new HashSet<>(rules));
        }
        AnonymousAuthApi.register();
    }

    @AfterAll
    static void forgetTheRules() {
        GatewayRuleManager.loadRules(new HashSet<>());
    }

    @Test
    void defaultRulesLimitTheAnonymousAuthCallsPerClientAddress() {
        assertThat(GatewayRuleManager.getRulesForResource(AnonymousAuthApi.NAME))
                .singleElement()
                .satisfies(rule ->
                        assertThat(rule.getParamItem().getParseStrategy()).isZero());
    }

    @Test
    void oneClientPastTheLimitIsTooManyRequestsWhileAnotherStillLogsIn() {
        // login, refresh and register share one budget per address, whichever route they take:
        // 10 a second plus a burst of 20
        List<HttpStatusCode> burst = IntStream.range(0, 35)
                .mapToObj(i -> switch (i % 3) {
                    case 0 -> call("auth-service", "/api/auth/login", CLIENT);
                    case 1 -> call("auth-service", "/api/auth/refresh", CLIENT);
                    default -> call("user-service", "/api/users", CLIENT);
                })
                .toList();

        assertThat(burst.subList(0, 30)).containsOnly(HttpStatus.OK);
        assertThat(burst.subList(30, 35)).containsOnly(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(call("auth-service", "/api/auth/login", NEIGHBOUR)).isEqualTo(HttpStatus.OK);
    }

    @Test
    void signedInCallsOnTheSameRouteAreNotCountedPerAddress() {
        String crowded = "192.0.2.44";
        IntStream.range(0, 35).forEach(i -> call("auth-service", "/api/auth/login", crowded));

        assertThat(call("auth-service", "/api/auth/login", crowded)).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(call("user-service", "/api/users/me", crowded)).isEqualTo(HttpStatus.OK);
    }

    private HttpStatusCode call(String routeId, String path, String client) {
        var exchange = MockServerWebExchange.from(
                MockServerHttpRequest.post(path).remoteAddress(new InetSocketAddress(client, 40_000)));
        exchange.getAttributes().put(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR, route(routeId));
        // a block surfaces as an error, which SentinelGatewayBlockExceptionHandler answers with 429
        return sentinel.filter(exchange, passed -> Mono.empty())
                .thenReturn((HttpStatusCode) HttpStatus.OK)
                .onErrorReturn(BlockException::isBlockException, HttpStatus.TOO_MANY_REQUESTS)
                .block();
    }

    private static Route route(String id) {
        return Route.async()
                .id(id)
                .uri(URI.create("http://127.0.0.1:9"))
                .predicate(exchange -> true)
                .build();
    }
}
