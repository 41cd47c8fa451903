package io.shop.api.auth;

/**
 * Stable error codes of auth-service's HTTP API. A failed login answers {@code
 * io.shop.api.user.UserErrors#INVALID_CREDENTIALS}, never telling which part was wrong.
 */
public final class AuthErrors {

    /** The request carries no verified identity where one is needed (401). */
    public static final String UNAUTHENTICATED = "UNAUTHENTICATED";
    /** The refresh token is unknown, expired, already used or its session was ended (401). */
    public static final String INVALID_REFRESH_TOKEN = "INVALID_REFRESH_TOKEN";
    /** Too many failed logins for the account or the client address; see Retry-After (429). */
    public static final String TOO_MANY_LOGIN_ATTEMPTS = "TOO_MANY_LOGIN_ATTEMPTS";
    /** The operation needs the {@link Roles#ADMIN} role (403). */
    public static final String ADMIN_ROLE_REQUIRED = "ADMIN_ROLE_REQUIRED";
    /** The calling service (by its TLS client certificate) may not call this Dubbo operation (403). */
    public static final String SERVICE_NOT_ALLOWED = "SERVICE_NOT_ALLOWED";

    private AuthErrors() {}
}
