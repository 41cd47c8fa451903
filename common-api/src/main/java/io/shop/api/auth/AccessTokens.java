package io.shop.api.auth;

/**
 * The access token contract between auth-service (issuer) and the gateway (verifier): an ES256
 * JWT with a key id, whose public keys are published at {@code /.well-known/jwks.json}.
 */
public final class AccessTokens {

    public static final String ISSUER = "shop-auth";
    public static final String AUDIENCE = "shop";
    /** Claim: the user's roles, a JSON array of {@link Roles} names. The subject is the user id. */
    public static final String ROLES_CLAIM = "roles";
    /** Claim: the login session (refresh-token family) the token belongs to. */
    public static final String SESSION_CLAIM = "sid";
    /**
     * Redis key prefix of revoked sessions: {@code auth:revoked-session:<sid>} exists (with a TTL at
     * least as long as an access token lives) once the session was logged out or its refresh
     * token was reused. The gateway refuses access tokens of such sessions.
     */
    public static final String REVOKED_SESSION_KEY_PREFIX = "auth:revoked-session:";

    private AccessTokens() {}
}
