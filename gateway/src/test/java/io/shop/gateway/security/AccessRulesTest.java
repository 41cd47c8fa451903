package io.shop.gateway.security;

import io.shop.gateway.error.ProblemResponses;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.WebFilterChainProxy;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;
import reactor.core.publisher.Mono;

/** The access rules against a stand-in decoder: "customer" and "admin" are valid tokens. */
class AccessRulesTest {

    private static final ReactiveJwtDecoder TOKENS = token -> switch (token) {
        case "customer" -> Mono.just(IdentityHeadersFilterTest.jwt("7", List.of("customer"), "s1"));
        case "admin" -> Mono.just(IdentityHeadersFilterTest.jwt("1", List.of("admin"), "s2"));
        default -> Mono.error(new BadJwtException("bad"));
    };

    private final WebTestClient http = WebTestClient.bindToWebHandler(
                    exchange -> exchange.getResponse().setComplete())
            .webFilter(new WebFilterChainProxy(SecurityConfiguration.rules(
                    ServerHttpSecurity.http(),
                    TOKENS,
                    new UrlBasedCorsConfigurationSource(),
                    new ProblemAuthenticationHandlers(new ProblemResponses(
                            Jackson2ObjectMapperBuilder.json().build())))))
            .build();

    @Test
    void catalogSearchRegistrationLoginAndKeysArePublic() {
        http.get().uri("/api/products/1").exchange().expectStatus().isOk();
        http.get().uri("/api/search?q=tea").exchange().expectStatus().isOk();
        http.get().uri("/api/search/suggest").exchange().expectStatus().isOk();
        http.post().uri("/api/users").exchange().expectStatus().isOk();
        http.post().uri("/api/auth/login").exchange().expectStatus().isOk();
        http.post().uri("/api/auth/refresh").exchange().expectStatus().isOk();
        http.post().uri("/api/auth/logout").exchange().expectStatus().isOk();
        http.get().uri("/.well-known/jwks.json").exchange().expectStatus().isOk();
        http.get().uri("/actuator/health").exchange().expectStatus().isOk();
    }

    @Test
    void changingTheCatalogNeedsAToken() {
        http.post().uri("/api/products").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void anyOtherApiCallWithoutATokenIsAnUnauthorizedProblemWithABearerChallenge() {
        http.get()
                .uri("/api/orders/1")
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(401);
    }

    @Test
    void badTokenIsUnauthorizedEvenOnAPublicPath() {
        http.get()
                .uri("/api/users/me")
                .header(HttpHeaders.AUTHORIZATION, "Bearer forged")
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
    }

    @Test
    void customerReachesTheirOwnApiButNotTheAdminOne() {
        http.get()
                .uri("/api/users/me")
                .headers(h -> h.setBearerAuth("customer"))
                .exchange()
                .expectStatus()
                .isOk();
        http.get()
                .uri("/api/admin/products")
                .headers(h -> h.setBearerAuth("customer"))
                .exchange()
                .expectStatus()
                .isEqualTo(HttpStatus.FORBIDDEN)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(403);
        http.post()
                .uri("/api/auth/keys/rotate")
                .headers(h -> h.setBearerAuth("customer"))
                .exchange()
                .expectStatus()
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void adminReachesTheAdminApiAndKeyRotation() {
        http.get()
                .uri("/api/admin/products")
                .headers(h -> h.setBearerAuth("admin"))
                .exchange()
                .expectStatus()
                .isOk();
        http.post()
                .uri("/api/auth/keys/rotate")
                .headers(h -> h.setBearerAuth("admin"))
                .exchange()
                .expectStatus()
                .isOk();
    }

    @Test
    void responsesForbidFramingAndSniffingAndSendNoReferrer() {
        http.get()
                .uri("/api/products/1")
                .exchange()
                .expectHeader()
                .valueEquals("X-Content-Type-Options", "nosniff")
                .expectHeader()
                .valueEquals("X-Frame-Options", "DENY")
                .expectHeader()
                .valueEquals("Referrer-Policy", "no-referrer");
    }
}
