package io.shop.api.auth;

/**
 * Headers the gateway sets from a verified access token (and strips from every client request).
 * Services take identity only from these, never from anything a client sent.
 */
public final class IdentityHeaders {

    public static final String USER_ID = "X-Shop-User-Id";
    /** Comma-separated {@link Roles}. */
    public static final String ROLES = "X-Shop-User-Roles";

    public static final String SESSION_ID = "X-Shop-Session-Id";

    private IdentityHeaders() {}
}
