package io.shop.auth.session;

import com.nimbusds.jwt.JWTClaimsSet;
import io.shop.api.auth.AccessTokens;
import io.shop.api.user.UserIdentity;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

/** The claims of an access token, as {@link AccessTokens} defines them for the gateway. */
final class AccessTokenClaims {

    static JWTClaimsSet of(UserIdentity identity, String sessionId, Instant issuedAt, Duration ttl) {
        // JWT times are whole seconds; truncating keeps iat and exp exactly ttl apart
        Instant iat = Instant.ofEpochSecond(issuedAt.getEpochSecond());
        return new JWTClaimsSet.Builder()
                .issuer(AccessTokens.ISSUER)
                .audience(AccessTokens.AUDIENCE)
                .subject(Long.toString(identity.userId()))
                .claim(AccessTokens.ROLES_CLAIM, identity.roles())
                .claim(AccessTokens.SESSION_CLAIM, sessionId)
                .issueTime(Date.from(iat))
                .expirationTime(Date.from(iat.plus(ttl)))
                .jwtID(UUID.randomUUID().toString())
                .build();
    }

    private AccessTokenClaims() {}
}
