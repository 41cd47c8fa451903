package io.shop.api.auth;

/** The roles a user can hold. */
public final class Roles {

    public static final String CUSTOMER = "customer";
    public static final String ADMIN = "admin";

    private Roles() {}
}
