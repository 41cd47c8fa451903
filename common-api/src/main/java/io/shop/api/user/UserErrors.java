package io.shop.api.user;

/** Stable error codes of user accounts. */
public final class UserErrors {

    public static final String USER_NOT_FOUND = "USER_NOT_FOUND";
    public static final String INVALID_CREDENTIALS = "INVALID_CREDENTIALS";
    public static final String ACCOUNT_DISABLED = "ACCOUNT_DISABLED";
    public static final String ACCOUNT_EXISTS = "ACCOUNT_EXISTS";
    public static final String ADDRESS_NOT_FOUND = "ADDRESS_NOT_FOUND";
    /** A user already has the most shipping addresses they may keep. */
    public static final String ADDRESS_LIMIT_REACHED = "ADDRESS_LIMIT_REACHED";

    private UserErrors() {}
}
