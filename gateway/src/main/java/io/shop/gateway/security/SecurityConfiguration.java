package io.shop.gateway.security;

import io.shop.api.auth.AccessTokens;
import io.shop.api.auth.Roles;
import io.shop.gateway.error.ProblemResponses;
import io.shop.gateway.requestid.RequestId;
import java.util.Collection;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.client.loadbalancer.LoadBalanced;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.header.XFrameOptionsServerHttpHeadersWriter.Mode;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Who may call what. Public: the catalog, search, registration, login/refresh/logout, the key set
 * and health. Admin only: {@code /api/admin/**} and key rotation. Any other {@code /api/**} call
 * needs a valid access token. Paths outside {@code /api} (actuator) are not the storefront's.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
@EnableConfigurationProperties(GatewaySecurityProperties.class)
class SecurityConfiguration {

    static final String ROLE_PREFIX = "ROLE_";

    @Bean
    SecurityWebFilterChain securityChain(
            ServerHttpSecurity http,
            ReactiveJwtDecoder accessTokens,
            CorsConfigurationSource cors,
            ProblemResponses problems) {
        return rules(http, accessTokens, cors, new ProblemAuthenticationHandlers(problems));
    }

    static SecurityWebFilterChain rules(
            ServerHttpSecurity http,
            ReactiveJwtDecoder accessTokens,
            CorsConfigurationSource cors,
            ProblemAuthenticationHandlers refusals) {
        return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .cors(spec -> spec.configurationSource(cors))
                .headers(headers -> headers
                        // services decide their own caching; auth answers get no-store below
                        .cache(ServerHttpSecurity.HeaderSpec.CacheSpec::disable)
                        .frameOptions(frame -> frame.mode(Mode.DENY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER)))
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers("/actuator/health", "/actuator/health/**")
                        .permitAll()
                        .pathMatchers(
                                HttpMethod.GET,
                                "/api/products",
                                "/api/products/**",
                                "/api/categories",
                                "/api/categories/**",
                                "/api/brands",
                                "/api/search",
                                "/api/search/**",
                                // the activities; a ticket (one more segment) is its buyer's only
                                "/api/flash-sales",
                                "/api/flash-sales/*")
                        .permitAll()
                        .pathMatchers(HttpMethod.GET, "/.well-known/jwks.json")
                        .permitAll()
                        .pathMatchers(HttpMethod.POST, "/api/users")
                        .permitAll()
                        // the payment provider signs its callbacks; payment-service verifies them
                        .pathMatchers(HttpMethod.POST, "/api/payments/callback/*")
                        .permitAll()
                        .pathMatchers("/api/auth/login", "/api/auth/refresh", "/api/auth/logout")
                        .permitAll()
                        .pathMatchers("/api/admin/**")
                        .hasRole(Roles.ADMIN)
                        .pathMatchers(HttpMethod.POST, "/api/auth/keys/rotate")
                        .hasRole(Roles.ADMIN)
                        .pathMatchers("/api/**")
                        .authenticated()
                        .anyExchange()
                        .permitAll())
                .exceptionHandling(
                        handling -> handling.authenticationEntryPoint(refusals).accessDeniedHandler(refusals))
                .oauth2ResourceServer(server -> server.authenticationEntryPoint(refusals)
                        .accessDeniedHandler(refusals)
                        .jwt(jwt -> jwt.jwtDecoder(accessTokens)
                                .jwtAuthenticationConverter(new ReactiveJwtAuthenticationConverterAdapter(
                                        SecurityConfiguration::authenticated))))
                .build();
    }

    /** The token's {@code roles} claim as {@code ROLE_<name>} authorities. */
    static AbstractAuthenticationToken authenticated(Jwt jwt) {
        List<String> roles = jwt.getClaimAsStringList(AccessTokens.ROLES_CLAIM);
        Collection<GrantedAuthority> authorities = roles == null
                ? List.of()
                : roles.stream()
                        .map(role -> (GrantedAuthority) new SimpleGrantedAuthority(ROLE_PREFIX + role))
                        .toList();
        return new JwtAuthenticationToken(jwt, authorities, jwt.getSubject());
    }

    @Bean
    ReactiveJwtDecoder accessTokens(
            GatewaySecurityProperties properties,
            @LoadBalanced ObjectProvider<WebClient.Builder> loadBalanced,
            RevokedSessions revokedSessions) {
        WebClient jwksClient =
                properties.jwksLoadBalanced() ? loadBalanced.getObject().build() : WebClient.create();
        return AccessTokenDecoders.refusingRevokedSessions(
                AccessTokenDecoders.remembering(
                        AccessTokenDecoders.verifying(properties, jwksClient), properties.clockSkew()),
                revokedSessions);
    }

    /** Only for the JWK set: routes never go through it. */
    @Bean
    @LoadBalanced
    WebClient.Builder loadBalancedWebClient() {
        return WebClient.builder();
    }

    @Bean
    CorsConfigurationSource corsConfiguration(GatewaySecurityProperties properties) {
        var cors = new CorsConfiguration();
        cors.setAllowedOrigins(properties.cors().allowedOrigins());
        cors.setAllowedMethods(List.of("GET", "POST", "PUT", "PATCH", "DELETE"));
        cors.setAllowedHeaders(
                List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.CONTENT_TYPE, "Idempotency-Key", RequestId.HEADER));
        cors.setExposedHeaders(List.of(RequestId.HEADER, HttpHeaders.RETRY_AFTER));
        cors.setMaxAge(3600L);
        var source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/**", cors);
        return source;
    }
}
