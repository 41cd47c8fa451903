package io.shop.gateway.edge;

import io.shop.gateway.error.ProblemResponses;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Refuses request bodies over {@link EdgeProperties#maxRequestBody()} with a 413 problem, on every
 * path. Runs before Spring Security: a route that needs a token must not first answer 401 and leave
 * megabytes unread on the connection. A declared {@code Content-Length} over the limit is refused
 * before a byte of the body is read (a client that sent {@code Expect: 100-continue} sends none); a
 * chunked body is counted while it streams and fails the exchange once it passes the limit.
 */
class RequestBodyLimitFilter implements WebFilter, Ordered {

    /** After the request id (so the problem carries it), before Spring Security (-100). */
    static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 2;

    static final String CODE = "PAYLOAD_TOO_LARGE";

    private final long maxBytes;
    private final String detail;
    private final ProblemResponses problems;

    RequestBodyLimitFilter(EdgeProperties properties, ProblemResponses problems) {
        this.maxBytes = properties.maxRequestBody().toBytes();
        this.detail = "The request body is larger than " + maxBytes + " bytes";
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        long declared = request.getHeaders().getContentLength();
        if (declared > maxBytes) {
            // the unread body stays on the connection: it cannot serve another request
            exchange.getResponse().getHeaders().set(HttpHeaders.CONNECTION, "close");
            return problems.write(exchange, HttpStatus.PAYLOAD_TOO_LARGE, CODE, detail);
        }
        if (declared >= 0) {
            // the codec never delivers more than the declared length
            return chain.filter(exchange);
        }
        return chain.filter(exchange.mutate().request(counted(request)).build());
    }

    private ServerHttpRequest counted(ServerHttpRequest request) {
        return new ServerHttpRequestDecorator(request) {
            @Override
            public Flux<DataBuffer> getBody() {
                return Flux.defer(() -> {
                    AtomicLong seen = new AtomicLong();
                    return super.getBody().handle((buffer, sink) -> {
                        if (seen.addAndGet(buffer.readableByteCount()) > maxBytes) {
                            DataBufferUtils.release(buffer);
                            sink.error(new ResponseStatusException(HttpStatus.PAYLOAD_TOO_LARGE, detail));
                        } else {
                            sink.next(buffer);
                        }
                    });
                });
            }
        };
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
