package io.shop.gateway.requestid;

import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Gives every request an {@value RequestId#HEADER}, forwards it to the service and returns it to
 * the client. A {@link WebFilter} rather than a gateway {@code GlobalFilter}: global filters run
 * only for matched routes, and unmatched requests and gateway errors need the id too.
 */
@Component
class RequestIdFilter implements WebFilter, Ordered {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String id = RequestId.keepOrGenerate(exchange.getRequest().getHeaders().getFirst(RequestId.HEADER));
        exchange.getAttributes().put(RequestId.ATTRIBUTE, id);
        // at commit time, so a downstream response header or an error handler cannot drop or replace it
        exchange.getResponse().beforeCommit(() -> {
            exchange.getResponse().getHeaders().set(RequestId.HEADER, id);
            return Mono.empty();
        });
        ServerWebExchange forwarded = exchange.mutate()
                .request(request -> request.headers(headers -> headers.set(RequestId.HEADER, id)))
                .build();
        return chain.filter(forwarded);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
