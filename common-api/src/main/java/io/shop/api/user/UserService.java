package io.shop.api.user;

/**
 * What other services ask of user accounts over Dubbo.
 *
 * <p>Failures: {@code USER_NOT_FOUND} (no user with that id), {@code INVALID_CREDENTIALS} (unknown
 * account or wrong password: the two are never told apart), {@code ACCOUNT_DISABLED}.
 */
public interface UserService {

    UserProfile getUser(long userId);

    /** Checks an account (email or phone) and its password; used by auth-service at login. */
    UserIdentity authenticate(String account, String password);

    /** Who the user is now (roles may have changed since login); used when a token is refreshed. */
    UserIdentity identity(long userId);
}
