package io.shop.gateway.edge;

import io.shop.gateway.error.ProblemResponses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Spring Security's {@code StrictServerWebExchangeFirewall} refuses paths a service could read
 * differently from the gateway's access rules ({@code %00}, encoded slashes and dots, {@code ;}
 * parameters, {@code ..} segments, a backslash) and untrusted header or host values. Its default
 * answer is an empty 400; this one is a problem body. The reason stays in the gateway's log.
 */
final class RejectedRequestProblems implements ServerExchangeRejectedHandler {

    static final String CODE = "REQUEST_REJECTED";

    private static final Logger log = LoggerFactory.getLogger(RejectedRequestProblems.class);

    private final ProblemResponses problems;

    RejectedRequestProblems(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, ServerExchangeRejectedException rejected) {
        log.debug(
                "Rejected {} {}: {}",
                exchange.getRequest().getMethod(),
                exchange.getRequest().getURI(),
                rejected.getMessage());
        return problems.write(
                exchange, HttpStatus.BAD_REQUEST, CODE, "The request path or a header holds characters not allowed");
    }
}
