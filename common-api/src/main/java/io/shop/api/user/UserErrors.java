package io.shop.api.user;

/** Stable error codes of user accounts. */
public final class UserErrors {

    public static final String USER_NOT_FOUND = "USER_NOT_FOUND";

    private UserErrors() {}
}
