package io.shop.order.account;

import io.shop.api.ShopException;
import io.shop.api.user.ShippingAddressSnapshot;
import io.shop.api.user.UserErrors;
import io.shop.api.user.UserService;
import io.shop.support.identity.Caller;
import org.apache.dubbo.config.annotation.DubboReference;
import org.springframework.stereotype.Component;

/**
 * The buyer's address book (user-service), over Dubbo. user-service answers for the caller the call
 * carries (the one this request is served for), never for a user id sent along.
 */
@Component
public class ShippingAddresses {

    @DubboReference
    private UserService users;

    /**
     * The buyer's address with that id. An unknown id and another user's address are both {@code
     * ADDRESS_NOT_FOUND}, reported as unprocessable input (422) naming {@code addressId}: the request
     * is well-formed, its address just cannot be shipped to.
     */
    public ShippingAddressSnapshot ofBuyer(long buyerId, long addressId) {
        requireCaller(buyerId);
        try {
            return users.shippingAddress(addressId);
        } catch (ShopException e) {
            if (UserErrors.ADDRESS_NOT_FOUND.equals(e.code())) {
                throw new ShopException(
                        ShopException.Kind.UNPROCESSABLE,
                        UserErrors.ADDRESS_NOT_FOUND,
                        "addressId: no address " + addressId + " in your address book");
            }
            throw e;
        }
    }

    /** The buyer's default address; {@code ADDRESS_NOT_FOUND} when the address book has none. */
    public ShippingAddressSnapshot defaultOfBuyer(long buyerId) {
        requireCaller(buyerId);
        return users.defaultShippingAddress();
    }

    private static void requireCaller(long buyerId) {
        // the address book asked is the caller's: placing an order for anyone else would check the wrong one
        if (Caller.current().map(Caller::userId).filter(id -> id == buyerId).isEmpty()) {
            throw new IllegalStateException("an order is placed for the current caller only");
        }
    }
}
