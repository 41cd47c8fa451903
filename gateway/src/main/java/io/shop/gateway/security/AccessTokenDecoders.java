package io.shop.gateway.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.shop.api.auth.AccessTokens;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.data.redis.RedisConnectionFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;

/**
 * Builds the access-token check of {@link AccessTokens}: ES256 only (so {@code alg=none} and
 * HMAC tokens are refused), signed by a key in auth-service's JWK set (cached; an unknown key id
 * fetches the set again once), issuer, audience, expiry with a little clock skew, a subject and a
 * session that was not revoked.
 */
final class AccessTokenDecoders {

    static ReactiveJwtDecoder verifying(GatewaySecurityProperties properties, WebClient jwksClient) {
        NimbusReactiveJwtDecoder signed = NimbusReactiveJwtDecoder.withJwkSetUri(
                        properties.jwksUri().toString())
                .jwsAlgorithm(SignatureAlgorithm.ES256)
                .webClient(jwksClient)
                .build();
        signed.setJwtValidator(claimsValidator(properties));
        return signed;
    }

    static OAuth2TokenValidator<Jwt> claimsValidator(GatewaySecurityProperties properties) {
        return new DelegatingOAuth2TokenValidator<>(
                new JwtTimestampValidator(properties.clockSkew()),
                new JwtIssuerValidator(AccessTokens.ISSUER),
                new JwtClaimValidator<List<String>>(
                        JwtClaimNames.AUD, aud -> aud != null && aud.contains(AccessTokens.AUDIENCE)),
                new JwtClaimValidator<String>(JwtClaimNames.SUB, sub -> sub != null && !sub.isBlank()),
                new JwtClaimValidator<String>(AccessTokens.SESSION_CLAIM, sid -> sid != null && !sid.isBlank()));
    }

    /**
     * Remembers tokens that verified, for a minute (bounded), so a client's every request does not
     * cost an ECDSA signature check: a token's signature and claims never change, and its expiry
     * is checked again on every use. Revocation is not remembered here: {@link #refusingRevokedSessions}
     * goes on top of this and asks {@link RevokedSessions} every time.
     */
    static ReactiveJwtDecoder remembering(ReactiveJwtDecoder verified, Duration clockSkew) {
        Cache<String, Jwt> recent = Caffeine.newBuilder()
                .maximumSize(100_000)
                .expireAfterWrite(Duration.ofMinutes(1))
                .build();
        return token -> {
            Jwt known = recent.getIfPresent(token);
            if (known != null
                    && known.getExpiresAt() != null
                    && Instant.now().minus(clockSkew).isBefore(known.getExpiresAt())) {
                return Mono.just(known);
            }
            recent.invalidate(token);
            return verified.decode(token).doOnNext(jwt -> recent.put(token, jwt));
        };
    }

    /**
     * Refuses tokens of sessions that auth-service marked revoked. Fails closed: without Redis no
     * token is accepted (503), since a logged-out session could not be told apart.
     */
    static ReactiveJwtDecoder refusingRevokedSessions(ReactiveJwtDecoder verified, RevokedSessions sessions) {
        return token -> verified.decode(token)
                .flatMap(jwt -> sessions.revoked(jwt.getClaimAsString(AccessTokens.SESSION_CLAIM))
                        .onErrorMap(
                                RedisConnectionFailureException.class,
                                e -> new ResponseStatusException(
                                        HttpStatus.SERVICE_UNAVAILABLE, "Sessions cannot be checked right now", e))
                        .flatMap(revoked -> Boolean.TRUE.equals(revoked)
                                ? Mono.error(new BadJwtException("The session was revoked"))
                                : Mono.just(jwt)));
    }

    private AccessTokenDecoders() {}
}
