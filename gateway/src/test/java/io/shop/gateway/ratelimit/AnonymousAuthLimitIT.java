package io.shop.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The in-process gateway in front of the running auth-service (through ZooKeeper discovery), with
 * the committed rules written into a rules node of its own: one client's burst of logins is cut to
 * the per-address budget of the anonymous-auth API group. The logins are empty bodies, which
 * auth-service refuses with 400 before counting any failure.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
class AnonymousAuthLimitIT {

    private static final int BURST = 200;

    private static final String RULES_ROOT = "/shop-it/anonymous-auth-" + UUID.randomUUID();

    @LocalServerPort
    int port;

    @Value("${shop.zookeeper}")
    String zookeeper;

    @DynamicPropertySource
    static void rulesOfItsOwn(DynamicPropertyRegistry registry) {
        registry.add("shop.gateway.sentinel.rules-path", () -> RULES_ROOT + "/gateway-flow-rules");
    }

    /** The committed rules, written to this test's node as {@code ./shop config push} writes them. */
    @BeforeEach
    void committedRulesAreLoaded() throws Exception {
        CommittedGatewayRules.writeTo(zookeeper, RULES_ROOT + "/gateway-flow-rules");
    }

    @AfterEach
    void removeTheRulesNode() throws Exception {
        CommittedGatewayRules.remove(zookeeper, RULES_ROOT);
    }

    @Test
    void burstOfLoginsFromOneClientIsCutToItsBudgetWithTooManyRequestsProblems() {
        long started = System.nanoTime();
        Map<HttpStatus, List<HttpStatus>> burst = Flux.range(0, BURST)
                .flatMap(i -> login(), 60)
                .map(Answer::status)
                .collect(Collectors.groupingBy(Function.identity()))
                .block(Duration.ofSeconds(60));
        double seconds = (System.nanoTime() - started) / 1e9;

        assertThat(burst).containsOnlyKeys(HttpStatus.BAD_REQUEST, HttpStatus.TOO_MANY_REQUESTS);
        // the budget: a burst of 20, then 10 a second for as long as the burst lasted (a slow
        // machine stretches it), plus one refill for a burst that straddles a window
        long budget = 20 + 10 * ((long) Math.ceil(seconds) + 1);
        assertThat(burst.get(HttpStatus.BAD_REQUEST)).hasSizeBetween(20, (int) Math.min(budget, BURST - 1));
        assertThat(burst.get(HttpStatus.TOO_MANY_REQUESTS)).isNotEmpty();

        Answer refused = login().repeat(20)
                .filter(answer -> answer.status() == HttpStatus.TOO_MANY_REQUESTS)
                .blockFirst(Duration.ofSeconds(10));
        assertThat(refused.contentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        assertThat(refused.retryAfter()).isEqualTo("1");
        assertThat(refused.body()).contains("\"code\":\"TOO_MANY_REQUESTS\"");

        await().atMost(Duration.ofSeconds(5))
                .pollInterval(Duration.ofMillis(300))
                .until(() -> login().block(Duration.ofSeconds(5)).status() == HttpStatus.BAD_REQUEST);
    }

    private record Answer(HttpStatus status, String contentType, String retryAfter, String body) {}

    private Mono<Answer> login() {
        return WebClient.create("http://127.0.0.1:" + port)
                .post()
                .uri("/api/auth/login")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{}")
                .exchangeToMono(response -> response.bodyToMono(String.class)
                        .defaultIfEmpty("")
                        .map(body -> new Answer(
                                HttpStatus.valueOf(response.statusCode().value()),
                                response.headers().asHttpHeaders().getFirst(HttpHeaders.CONTENT_TYPE),
                                response.headers().asHttpHeaders().getFirst(HttpHeaders.RETRY_AFTER),
                                body)));
    }
}
