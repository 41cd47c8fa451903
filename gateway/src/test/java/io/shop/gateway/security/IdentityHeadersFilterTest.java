package io.shop.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.shop.api.auth.IdentityHeaders;
import io.shop.infra.pki.DevPki;
import io.shop.support.identity.Caller;
import io.shop.support.identity.Passports;
import io.shop.support.identity.ServiceCredentials;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

class IdentityHeadersFilterTest {

    @TempDir
    static Path pki;

    private static Passports verifier;
    private static IdentityHeadersFilter filter;

    @BeforeAll
    static void gatewayCertificate() {
        new DevPki(pki).ensure(List.of("gateway"));
        verifier = new Passports(ServiceCredentials.authority(pki), Clock.systemUTC());
        filter = new IdentityHeadersFilter(new GatewayPassports(pki.toString()));
    }

    @Test
    void clientSentIdentityHeadersAreDroppedWithoutAToken() {
        HttpHeaders forwarded = forwardedHeaders(forgedRequest());

        assertThat(forwarded.get(IdentityHeaders.USER_ID)).isNull();
        assertThat(forwarded.get(IdentityHeaders.ROLES)).isNull();
        assertThat(forwarded.get(IdentityHeaders.SESSION_ID)).isNull();
        assertThat(forwarded.get(Passports.HEADER)).isNull();
        assertThat(forwarded.getFirst("X-Other")).isEqualTo("kept");
    }

    @Test
    void identityHeadersComeFromTheVerifiedTokenOnly() {
        var token = SecurityConfiguration.authenticated(jwt("42", List.of("customer", "admin"), "sid-7"));
        ServerWebExchange exchange =
                forgedRequest().mutate().principal(Mono.just(token)).build();

        HttpHeaders forwarded = forwardedHeaders(exchange);

        assertThat(forwarded.get(IdentityHeaders.USER_ID)).containsExactly("42");
        assertThat(forwarded.get(IdentityHeaders.ROLES)).containsExactly("customer,admin");
        assertThat(forwarded.get(IdentityHeaders.SESSION_ID)).containsExactly("sid-7");
        Caller caller = verifier.verify(forwarded.getFirst(Passports.HEADER));
        assertThat(caller.userId()).isEqualTo(42);
        assertThat(caller.roles()).containsExactly("customer", "admin");
    }

    static Jwt jwt(String subject, List<String> roles, String sid) {
        return Jwt.withTokenValue("t")
                .header("alg", "ES256")
                .subject(subject)
                .claim("roles", roles)
                .claim("sid", sid)
                .issuedAt(Instant.now())
                .expiresAt(Instant.now().plusSeconds(300))
                .build();
    }

    private static MockServerWebExchange forgedRequest() {
        return MockServerWebExchange.from(MockServerHttpRequest.get("/api/orders")
                .header(IdentityHeaders.USER_ID, "1")
                .header("x-shop-user-roles", "admin")
                .header(IdentityHeaders.SESSION_ID, "stolen")
                .header(Passports.HEADER, "forged")
                .header("X-Other", "kept"));
    }

    private HttpHeaders forwardedHeaders(ServerWebExchange exchange) {
        AtomicReference<HttpHeaders> forwarded = new AtomicReference<>();
        filter.filter(exchange, next -> {
                    forwarded.set(next.getRequest().getHeaders());
                    return Mono.empty();
                })
                .block();
        return forwarded.get();
    }
}
