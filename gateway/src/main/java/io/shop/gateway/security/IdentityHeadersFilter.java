package io.shop.gateway.security;

import io.shop.api.auth.AccessTokens;
import io.shop.api.auth.IdentityHeaders;
import io.shop.support.identity.Passports;
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
 * Whatever a client sent under the identity headers or as a passport is dropped from every
 * request; for a verified token the gateway adds its passport (which the services verify, see
 * {@link Passports}) and the plain identity headers from the token's subject, roles and session
 * (for the gateway's own Sentinel rule, which keys on {@link IdentityHeaders#USER_ID}; services
 * ignore them). Runs right after Spring Security (which verified the token) and before routing.
 */
@Component
class IdentityHeadersFilter implements WebFilter, Ordered {

    /** Spring Security's filter chain runs at -100 (WebFluxSecurityConfiguration). */
    static final int ORDER = -100 + 1;

    private static final List<String> IDENTITY =
            List.of(IdentityHeaders.USER_ID, IdentityHeaders.ROLES, IdentityHeaders.SESSION_ID, Passports.HEADER);

    private final GatewayPassports passports;

    IdentityHeadersFilter(GatewayPassports passports) {
        this.passports = passports;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        return exchange.getPrincipal()
                .ofType(JwtAuthenticationToken.class)
                .map(token -> Optional.of(token.getToken()))
                .defaultIfEmpty(Optional.empty())
                .flatMap(verified -> chain.filter(withIdentity(exchange, verified)));
    }

    ServerWebExchange withIdentity(ServerWebExchange exchange, Optional<Jwt> verified) {
        return exchange.mutate()
                .request(request -> request.headers(headers -> {
                    IDENTITY.forEach(headers::remove);
                    verified.ifPresent(jwt -> set(headers, jwt));
                }))
                .build();
    }

    private void set(HttpHeaders headers, Jwt jwt) {
        passports.passportFor(jwt).ifPresent(passport -> headers.set(Passports.HEADER, passport));
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
