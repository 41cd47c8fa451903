package io.shop.gateway.requestid;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

class RequestIdFilterTest {

    private final RequestIdFilter filter = new RequestIdFilter();

    @Test
    void wellFormedClientIdIsForwardedAndReturned() {
        var exchange = exchangeWith("order-42_retry-1");

        String forwarded = forwardedIdAfterFiltering(exchange);

        assertThat(forwarded).isEqualTo("order-42_retry-1");
        assertThat(returnedId(exchange)).isEqualTo("order-42_retry-1");
        assertThat(RequestId.of(exchange)).contains("order-42_retry-1");
    }

    @Test
    void idOfSixtyFourCharactersIsKept() {
        String longest = "a".repeat(64);
        var exchange = exchangeWith(longest);

        assertThat(forwardedIdAfterFiltering(exchange)).isEqualTo(longest);
    }

    @Test
    void missingIdIsReplacedByAGeneratedUuid() {
        var exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/products/1"));

        String forwarded = forwardedIdAfterFiltering(exchange);

        assertThat(UUID.fromString(forwarded)).isNotNull();
        assertThat(returnedId(exchange)).isEqualTo(forwarded);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "has space", "semi;colon", "ünïcode", "line\nbreak"})
    void malformedIdIsReplaced(String malformed) {
        var exchange = exchangeWith(malformed);

        String forwarded = forwardedIdAfterFiltering(exchange);

        assertThat(forwarded).isNotEqualTo(malformed);
        assertThat(UUID.fromString(forwarded)).isNotNull();
        assertThat(returnedId(exchange)).isEqualTo(forwarded);
    }

    @Test
    void overlongIdIsReplaced() {
        var exchange = exchangeWith("a".repeat(65));

        assertThat(UUID.fromString(forwardedIdAfterFiltering(exchange))).isNotNull();
    }

    @Test
    void idOnTheResponseSurvivesAHeaderSetLaterOnTheWay() {
        var exchange = exchangeWith("client-id");
        filter.filter(exchange, forwarded -> {
                    // as when a service answers with its own id
                    forwarded.getResponse().getHeaders().set(RequestId.HEADER, "service-id");
                    return Mono.empty();
                })
                .block();

        assertThat(returnedId(exchange)).isEqualTo("client-id");
    }

    private static MockServerWebExchange exchangeWith(String id) {
        return MockServerWebExchange.from(
                MockServerHttpRequest.get("/api/products/1").header(RequestId.HEADER, id));
    }

    private String forwardedIdAfterFiltering(ServerWebExchange exchange) {
        AtomicReference<String> forwarded = new AtomicReference<>();
        filter.filter(exchange, next -> {
                    forwarded.set(next.getRequest().getHeaders().getFirst(RequestId.HEADER));
                    return Mono.empty();
                })
                .block();
        return forwarded.get();
    }

    private static String returnedId(MockServerWebExchange exchange) {
        exchange.getResponse().setComplete().block();
        return exchange.getResponse().getHeaders().getFirst(RequestId.HEADER);
    }
}
