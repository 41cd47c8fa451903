package io.shop.auth.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import io.shop.api.auth.AccessTokens;
import io.shop.api.auth.Roles;
import io.shop.api.user.UserIdentity;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AccessTokenClaimsTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:15:30.750Z");
    private static final UserIdentity ADA = new UserIdentity(42, List.of(Roles.CUSTOMER, Roles.ADMIN));

    @Test
    void claimsNameTheUserTheirRolesAndTheSession() throws Exception {
        JWTClaimsSet claims = AccessTokenClaims.of(ADA, "sid-1", NOW, Duration.ofMinutes(15));

        assertThat(claims.getIssuer()).isEqualTo(AccessTokens.ISSUER);
        assertThat(claims.getAudience()).containsExactly(AccessTokens.AUDIENCE);
        assertThat(claims.getSubject()).isEqualTo("42");
        assertThat(claims.getStringListClaim(AccessTokens.ROLES_CLAIM)).containsExactly("customer", "admin");
        assertThat(claims.getStringClaim(AccessTokens.SESSION_CLAIM)).isEqualTo("sid-1");
    }

    @Test
    void tokenExpiresExactlyOneTtlAfterItsWholeSecondOfIssue() {
        JWTClaimsSet claims = AccessTokenClaims.of(ADA, "sid-1", NOW, Duration.ofMinutes(15));

        assertThat(claims.getIssueTime().toInstant()).isEqualTo(Instant.parse("2026-11-25T10:15:30Z"));
        assertThat(claims.getExpirationTime().toInstant()).isEqualTo(Instant.parse("2026-11-25T10:30:30Z"));
    }

    @Test
    void everyTokenHasItsOwnId() {
        String first =
                AccessTokenClaims.of(ADA, "sid-1", NOW, Duration.ofMinutes(15)).getJWTID();
        String second =
                AccessTokenClaims.of(ADA, "sid-1", NOW, Duration.ofMinutes(15)).getJWTID();

        assertThat(first).isNotBlank().isNotEqualTo(second);
    }
}
