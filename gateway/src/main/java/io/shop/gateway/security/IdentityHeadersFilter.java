package io.shop.gateway.security;

import io.shop.api.auth.AccessTokens;
import io.shop.api.auth.IdentityHeaders;
import java.util.List;
import java.util.Optional;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Services trust the identity headers, so only the gateway may set them: whatever a client sent
 * under those names is dropped from every request, and for a verified token they are set from its
 * subject, roles and session. Runs right after Spring Security (which verified the token) and
 * before routing and Sentinel, whose per-user rule keys on {@link IdentityHeaders#USER_ID}.
 */
@Component
class IdentityHeadersFilter implements WebFilter, Ordered {

    /** Spring Security's filter chain runs at -100 (WebFluxSecurityConfiguration). */
    static final int ORDER = -100 + 1;

    private static final List<String> IDENTITY =
            List.of(IdentityHeaders.USER_ID, IdentityHeaders.ROLES, IdentityHeaders.SESSION_ID);

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        return exchange.getPrincipal()
                .ofType(JwtAuthenticationToken.class)
                .map(token -> Optional.of(token.getToken()))
                .defaultIfEmpty(Optional.empty())
                .flatMap(verified -> chain.filter(withIdentity(exchange, verified)));
    }

    static ServerWebExchange withIdentity(ServerWebExchange exchange, Optional<Jwt> verified) {
        return exchange.mutate()
                .request(request -> request.headers(headers -> {
                    IDENTITY.forEach(headers::remove);
                    verified.ifPresent(jwt -> set(headers, jwt));
                }))
                .build();
    }

    private static void set(HttpHeaders headers, Jwt jwt) {
        headers.set(IdentityHeaders.USER_ID, jwt.getSubject());
        List<String> roles = jwt.getClaimAsStringList(AccessTokens.ROLES_CLAIM);
        headers.set(IdentityHeaders.ROLES, roles == null ? "" : String.join(",", roles));
        headers.set(IdentityHeaders.SESSION_ID, jwt.getClaimAsString(AccessTokens.SESSION_CLAIM));
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
