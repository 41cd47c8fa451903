package io.shop.gateway.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.shop.api.auth.AccessTokens;
import io.shop.support.identity.Passports;
import io.shop.support.identity.ServiceCredentials;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;

/**
 * The passport the gateway hands the services for a verified access token: signed with the
 * gateway's own key, valid as long as the token, and made once per token (signing costs far more
 * than a cache lookup, and each service verifies a passport once: the fewer passports, the fewer
 * ECDSA checks). Without the shop's PKI ({@code shop.pki.dir}) there are none, and the
 * services serve every request for nobody.
 */
@Component
class GatewayPassports {

    private final Optional<Passports.Issuer> issuer;

    private record Minted(String passport, Instant expiresAt) {}

    private final Cache<String, Minted> byToken = Caffeine.newBuilder()
            .maximumSize(100_000)
            .expireAfter(Expiry.creating((String token, Minted minted) -> untilExpired(minted)))
            .build();

    @Autowired
    GatewayPassports(@Value("${shop.pki.dir:}") String pki) {
        this(
                pki.isBlank()
                        ? Optional.empty()
                        : Optional.of(new Passports.Issuer(
                                ServiceCredentials.load(Path.of(pki), Passports.ISSUER), Clock.systemUTC())));
    }

    GatewayPassports(Optional<Passports.Issuer> issuer) {
        this.issuer = issuer;
    }

    Optional<String> passportFor(Jwt token) {
        return issuer.map(signer -> byToken.get(token.getTokenValue(), value -> {
                    List<String> roles = token.getClaimAsStringList(AccessTokens.ROLES_CLAIM);
                    Instant expiresAt =
                            token.getExpiresAt() == null ? Instant.now().plusSeconds(60) : token.getExpiresAt();
                    return new Minted(
                            signer.issue(
                                    Long.parseLong(token.getSubject()),
                                    roles == null ? List.of() : roles,
                                    token.getClaimAsString(AccessTokens.SESSION_CLAIM),
                                    expiresAt),
                            expiresAt);
                })
                .passport());
    }

    private static Duration untilExpired(Minted minted) {
        Duration left = Duration.between(Instant.now(), minted.expiresAt());
        return left.isNegative() ? Duration.ZERO : left;
    }
}
