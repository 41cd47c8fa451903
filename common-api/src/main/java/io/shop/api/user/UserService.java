package io.shop.api.user;

/**
 * What other services ask of user accounts over Dubbo.
 *
 * <p>Failures: {@code USER_NOT_FOUND} (no user with that id).
 */
public interface UserService {

    UserProfile getUser(long userId);
}
