package io.shop.gateway.error;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shop.gateway.requestid.RequestId;
import java.net.URI;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The one place that shapes the gateway's own answers as RFC 9457 problem bodies: dispatch
 * failures, refused tokens and blocked (rate-limited) requests all look alike and carry the
 * request id.
 */
@Component
public class ProblemResponses {

    private final ObjectMapper json;

    public ProblemResponses(ObjectMapper json) {
        this.json = json;
    }

    /** A problem for this exchange; {@code code} is a stable SCREAMING_SNAKE name. */
    public ProblemDetail problem(ServerWebExchange exchange, HttpStatusCode status, String code, String detail) {
        ProblemDetail problem = problem(status, code, detail);
        problem.setInstance(URI.create(exchange.getRequest().getURI().getRawPath()));
        RequestId.of(exchange).ifPresent(id -> problem.setProperty("requestId", id));
        return problem;
    }

    /** A problem for a request that never became an exchange (Netty refused to decode it). */
    public ProblemDetail problem(HttpStatusCode status, String code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("urn:shop:problem:" + code.toLowerCase().replace('_', '-')));
        problem.setProperty("code", code);
        return problem;
    }

    public byte[] bytesOf(ProblemDetail problem) {
        try {
            return json.writeValueAsBytes(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A problem body could not be written", e);
        }
    }

    /** Writes the problem as the whole response; headers set before this call are kept. */
    public Mono<Void> write(ServerWebExchange exchange, HttpStatusCode status, String code, String detail) {
        ProblemDetail problem = problem(exchange, status, code, detail);
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return response.writeWith(
                Mono.fromCallable(() -> response.bufferFactory().wrap(bytesOf(problem))));
    }
}
