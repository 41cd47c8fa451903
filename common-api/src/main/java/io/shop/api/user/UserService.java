package io.shop.api.user;

import io.shop.api.CallableBy;

/**
 * What other services ask of user accounts over Dubbo.
 *
 * <p>Failures: {@code USER_NOT_FOUND} (no user with that id), {@code INVALID_CREDENTIALS} (unknown
 * account or wrong password: the two are never told apart), {@code ACCOUNT_DISABLED},
 * {@code ADDRESS_NOT_FOUND}.
 */
public interface UserService {

    @CallableBy({})
    UserProfile getUser(long userId);

    /** Checks an account (email or phone) and its password; used by auth-service at login. */
    @CallableBy({"auth-service"})
    UserIdentity authenticate(String account, String password);

    /** Who the user is now (roles may have changed since login); used when a token is refreshed. */
    @CallableBy({"auth-service"})
    UserIdentity identity(long userId);

    /**
     * One of the caller's own shipping addresses: the user the call is made for (the caller the
     * gateway verified, carried along with the call), never a user id the caller names. An unknown
     * id and another user's address both fail with {@code ADDRESS_NOT_FOUND} (not found), so the
     * answer never tells whether an address exists; a call made for nobody fails with {@code
     * io.shop.api.auth.AuthErrors#UNAUTHENTICATED}.
     */
    @CallableBy({"order-service"})
    ShippingAddressSnapshot shippingAddress(long addressId);

    /**
     * The caller's default shipping address (the user the call is made for, as for {@link
     * #shippingAddress}); {@code ADDRESS_NOT_FOUND} when the address book has none.
     */
    @CallableBy({"order-service"})
    ShippingAddressSnapshot defaultShippingAddress();
}
