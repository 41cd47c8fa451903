package io.shop.gateway.ratelimit;

import com.alibaba.csp.sentinel.adapter.gateway.sc.callback.BlockRequestHandler;
import io.shop.api.CommonErrors;
import io.shop.gateway.error.ProblemResponses;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** A request Sentinel blocked: 429 at once, with a problem body and a hint to retry in a second. */
final class ProblemBlockRequestHandler implements BlockRequestHandler {

    static final String RETRY_AFTER_SECONDS = "1";

    private final ProblemResponses problems;

    ProblemBlockRequestHandler(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    public Mono<ServerResponse> handleRequest(ServerWebExchange exchange, Throwable blocked) {
        byte[] body = problems.bytesOf(problems.problem(
                exchange,
                HttpStatus.TOO_MANY_REQUESTS,
                CommonErrors.TOO_MANY_REQUESTS,
                "Too many requests; retry shortly"));
        return ServerResponse.status(HttpStatus.TOO_MANY_REQUESTS)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                .bodyValue(body);
    }
}
