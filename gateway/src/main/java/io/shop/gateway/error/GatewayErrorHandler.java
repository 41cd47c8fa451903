package io.shop.gateway.error;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.reactive.error.ErrorWebExceptionHandler;
import org.springframework.core.annotation.Order;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.DisconnectedClientHelper;
import reactor.core.publisher.Mono;

/**
 * Answers the gateway's own failures (no route, no instance, service unreachable or too slow) as
 * RFC 9457 problem bodies. Responses that a service sent, errors included, pass through untouched
 * and never reach this handler. Runs before Boot's default handler, which would answer HTML or its
 * own JSON shape.
 */
@Component
@Order(-2)
class GatewayErrorHandler implements ErrorWebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(GatewayErrorHandler.class);

    private final ProblemResponses problems;

    GatewayErrorHandler(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted() || DisconnectedClientHelper.isClientDisconnectedException(error)) {
            return Mono.error(error);
        }
        ServerHttpRequest request = exchange.getRequest();
        GatewayFailure failure = GatewayFailure.of(error, request);
        logFailure(request, failure, error);

        return problems.write(exchange, failure.status(), failure.code(), failure.detail());
    }

    private static void logFailure(ServerHttpRequest request, GatewayFailure failure, Throwable error) {
        if (failure.unexpected()) {
            log.error("{} {} failed", request.getMethod(), request.getPath(), error);
        } else if (failure.status().is5xxServerError()) {
            log.warn("{} {} -> {}: {}", request.getMethod(), request.getPath(), failure.status(), error.toString());
        } else {
            log.debug("{} {} -> {}", request.getMethod(), request.getPath(), failure.status());
        }
    }
}
