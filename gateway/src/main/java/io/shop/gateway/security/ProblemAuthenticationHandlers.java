package io.shop.gateway.security;

import io.shop.gateway.error.ProblemResponses;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Refused requests as problem bodies: 401 with a {@code WWW-Authenticate: Bearer} challenge for a
 * missing or bad token, 403 for a token without the role. The reason a token was refused stays in
 * the gateway: a client learns only that it was.
 */
final class ProblemAuthenticationHandlers implements ServerAuthenticationEntryPoint, ServerAccessDeniedHandler {

    private final ProblemResponses problems;

    ProblemAuthenticationHandlers(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException refused) {
        boolean tokenSent = refused instanceof InvalidBearerTokenException;
        exchange.getResponse()
                .getHeaders()
                .set(HttpHeaders.WWW_AUTHENTICATE, tokenSent ? "Bearer error=\"invalid_token\"" : "Bearer");
        return problems.write(
                exchange,
                HttpStatus.UNAUTHORIZED,
                tokenSent ? "INVALID_TOKEN" : "UNAUTHORIZED",
                tokenSent ? "The access token is invalid, expired or revoked" : "An access token is required");
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
        return problems.write(exchange, HttpStatus.FORBIDDEN, "FORBIDDEN", "The access token lacks the role required");
    }
}
