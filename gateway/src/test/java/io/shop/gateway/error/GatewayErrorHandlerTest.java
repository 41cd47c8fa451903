package io.shop.gateway.error;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.ConnectTimeoutException;
import java.net.ConnectException;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.gateway.support.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.ResponseStatusException;

class GatewayErrorHandlerTest {

    private final GatewayErrorHandler handler = new GatewayErrorHandler(
            new ProblemResponses(Jackson2ObjectMapperBuilder.json().build()));

    @Test
    void refusedConnectionIsABadGatewayProblem() {
        var exchange = handle(new ConnectException("Connection refused"));

        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.BAD_GATEWAY);
        assertThat(exchange.getResponse().getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(body(exchange))
                .contains("\"status\":502")
                .contains("\"type\":\"urn:shop:problem:bad-gateway\"")
                .contains("\"instance\":\"/api/orders/7\"")
                .contains("\"title\":\"Bad Gateway\"");
    }

    @Test
    void connectTimeoutIsAGatewayTimeoutProblem() {
        var exchange = handle(new ConnectTimeoutException("connection timed out"));

        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.GATEWAY_TIMEOUT);
        assertThat(body(exchange)).contains("\"status\":504");
    }

    @Test
    void responseTimeoutIsAGatewayTimeoutProblem() {
        var exchange = handle(new ResponseStatusException(HttpStatus.GATEWAY_TIMEOUT, "Response took longer than 10s"));

        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.GATEWAY_TIMEOUT);
        assertThat(body(exchange)).contains("\"code\":\"GATEWAY_TIMEOUT\"");
    }

    @Test
    void serviceWithoutInstancesIsAServiceUnavailableProblem() {
        var exchange = handle(NotFoundException.create(false, "Unable to find instance for order-service"));

        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(body(exchange)).contains("\"detail\":\"Unable to find instance for order-service\"");
    }

    @Test
    void unexpectedFailureTellsTheClientNothingOfItsCause() {
        var exchange = handle(new IllegalStateException("secret internals"));

        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
        assertThat(body(exchange)).contains("\"status\":500").doesNotContain("secret internals");
    }

    private MockServerWebExchange handle(Throwable error) {
        var exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/orders/7"));
        handler.handle(exchange, error).block();
        return exchange;
    }

    private static String body(MockServerWebExchange exchange) {
        return exchange.getResponse().getBodyAsString().block();
    }
}
