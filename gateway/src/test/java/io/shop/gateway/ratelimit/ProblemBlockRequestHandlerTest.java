package io.shop.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import com.alibaba.csp.sentinel.slots.block.flow.FlowException;
import io.shop.gateway.error.ProblemResponses;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.reactive.function.server.ServerResponse;

class ProblemBlockRequestHandlerTest {

    private final ProblemBlockRequestHandler handler = new ProblemBlockRequestHandler(
            new ProblemResponses(Jackson2ObjectMapperBuilder.json().build()));

    @Test
    void blockedRequestIsATooManyRequestsProblemToRetryInASecond() {
        var exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/orders"));

        ServerResponse response = handler.handleRequest(exchange, new FlowException("order-service"))
                .block();

        assertThat(response.statusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(response.headers().getFirst("Retry-After")).isEqualTo("1");
        assertThat(response.headers().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }
}
