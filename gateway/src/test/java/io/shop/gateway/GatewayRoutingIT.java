package io.shop.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.shop.gateway.requestid.RequestId;
import io.shop.gateway.routing.SafeRetryGatewayFilterFactory;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.cloud.client.discovery.DiscoveryClient;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The gateway in-process against the real product-service, found through ZooKeeper discovery
 * (both read {@code ZOOKEEPER_ADDRESS}), and the real catalog database behind it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
class GatewayRoutingIT {

    /** A service of this test's own, behind the route {@code /test-flaky/**}. */
    static final String FLAKY = "test-flaky-service";

    @Autowired
    WebTestClient http;

    @Autowired
    DiscoveryClient discovery;

    @Value("${spring.cloud.zookeeper.connect-string}")
    String zookeeperAddress;

    @Value("${spring.cloud.zookeeper.discovery.root}")
    String discoveryRoot;

    @Test
    void productDetailIsServedByProductServiceThroughDiscovery() throws Exception {
        long id = new Operator(discovery).product("Gateway Teapot " + UUID.randomUUID(), 4599, 3);

        // the first lookups may miss while discovery and the load balancer cache warm up
        await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> http.get()
                        .uri("/api/products/{id}", id)
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectHeader()
                        .contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                        .expectHeader()
                        .exists(RequestId.HEADER)
                        .expectBody()
                        .jsonPath("$.id")
                        .isEqualTo(id)
                        .jsonPath("$.title")
                        .value(title -> assertThat((String) title).startsWith("Gateway Teapot "))
                        .jsonPath("$.minPriceCents")
                        .isEqualTo(4599));
    }

    @Test
    void anInstanceThatNoLongerAnswersCostsNoFailedRead() throws Exception {
        int ghostPort = FailingRoutes.closedPort();
        // registered like a search-service that was killed before its registration expired, before
        // this gateway first routes to search-service: the first instances it fetches include it
        try (var ghost = RegisteredInstance.register(zookeeperAddress, discoveryRoot, "search-service", ghostPort)) {
            await().atMost(Duration.ofSeconds(10)).until(() -> discovery.getInstances("search-service").stream()
                    .anyMatch(instance -> instance.getPort() == ghostPort));
            // its failed readiness checks leave it out (and a read that reached it would be sent again
            // to the live instance): while discovery lists it, every read is answered
            List<HttpStatus> answers =
                    IntStream.range(0, 300).mapToObj(read -> search()).toList();
            assertThat(answers).containsOnly(HttpStatus.OK);
        }
    }

    @Test
    void aRequestWhoseConnectionDroppedIsSentAgainOnlyIfRepeatingItIsSafe() throws Exception {
        try (var echoing = TestInstance.echoing();
                var dropping = TestInstance.dropping();
                var one = RegisteredInstance.register(zookeeperAddress, discoveryRoot, FLAKY, echoing.port());
                var two = RegisteredInstance.register(zookeeperAddress, discoveryRoot, FLAKY, dropping.port())) {
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> discovery.getInstances(FLAKY).size() == 2);

            // round robin: every other first attempt meets the instance that drops it
            for (int i = 0; i < 20; i++) {
                assertThat(flaky(HttpMethod.GET, null, null)).isEqualTo("200 GET ");
                assertThat(flaky(HttpMethod.POST, "key-" + UUID.randomUUID(), "order " + i))
                        .isEqualTo("200 POST order " + i);
            }
            List<String> unkeyed = IntStream.range(0, 20)
                    .mapToObj(i -> flaky(HttpMethod.POST, null, "order " + i))
                    .toList();
            assertThat(unkeyed).contains("502").anyMatch(answer -> answer.startsWith("200 POST order"));
            assertThat(dropping.requests()).isPositive();
        }
    }

    /** Status and body of a call through the test route to {@value #FLAKY}. */
    private String flaky(HttpMethod method, String idempotencyKey, String body) {
        var request = http.method(method).uri("/test-flaky/anything");
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        var result =
                (body == null ? request : request.bodyValue(body)).exchange().returnResult(String.class);
        int status = result.getStatus().value();
        return status == 200 ? "200 " + result.getResponseBody().blockFirst() : String.valueOf(status);
    }

    private HttpStatus search() {
        return HttpStatus.valueOf(http.get()
                .uri("/api/search?q=tea")
                .exchange()
                .returnResult(String.class)
                .getStatus()
                .value());
    }

    @Test
    void clientRequestIdIsEchoedBack() {
        http.get()
                .uri("/api/products/{id}", Long.MAX_VALUE)
                .header(RequestId.HEADER, "it-echo-1")
                .exchange()
                .expectHeader()
                .valueEquals(RequestId.HEADER, "it-echo-1");
    }

    @Test
    void unmatchedPathIsANotFoundProblemCarryingTheRequestId() {
        http.get()
                .uri("/no-such-route")
                .header(RequestId.HEADER, "it-no-route")
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader()
                .valueEquals(RequestId.HEADER, "it-no-route")
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(404)
                .jsonPath("$.title")
                .isEqualTo("Not Found")
                .jsonPath("$.instance")
                .isEqualTo("/no-such-route")
                .jsonPath("$.requestId")
                .isEqualTo("it-no-route");
    }

    @Test
    void routeWhoseServiceHasNoInstanceIsAServiceUnavailableProblem() {
        http.get()
                .uri("/test-no-instance/anything")
                .exchange()
                .expectStatus()
                .isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(503)
                .jsonPath("$.requestId")
                .exists();
    }

    @Test
    void serviceThatRefusesConnectionsIsABadGatewayProblem() {
        http.get()
                .uri("/test-refused/anything")
                .exchange()
                .expectStatus()
                .isEqualTo(HttpStatus.BAD_GATEWAY)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(502);
    }

    @Test
    void healthAnswers() {
        http.get()
                .uri("/actuator/health")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("UP");
    }

    /**
     * Routes only this test needs, beside the ones from application.yml; outside {@code /api} so
     * that no access token is needed to reach them.
     */
    @TestConfiguration
    static class FailingRoutes {

        @Bean
        RouteLocator failingRoutes(RouteLocatorBuilder routes, SafeRetryGatewayFilterFactory safeRetry)
                throws IOException {
            String refusing = "http://127.0.0.1:" + closedPort();
            return routes.routes()
                    .route("test-no-instance", r -> r.path("/test-no-instance/**")
                            .uri("lb://no-such-service"))
                    .route("test-refused", r -> r.path("/test-refused/**").uri(refusing))
                    // the default filter, as the routes of application.yml have it
                    .route("test-flaky", r -> r.path("/test-flaky/**")
                            .filters(f -> f.filter(safeRetry.apply(config("test-flaky"))))
                            .uri("lb://" + FLAKY))
                    .build();
        }

        private static SafeRetryGatewayFilterFactory.Config config(String routeId) {
            var config = new SafeRetryGatewayFilterFactory.Config();
            config.setRouteId(routeId);
            return config;
        }

        /** A loopback port that was just free: connecting to it is refused at once. */
        static int closedPort() throws IOException {
            try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                return socket.getLocalPort();
            }
        }
    }
}
