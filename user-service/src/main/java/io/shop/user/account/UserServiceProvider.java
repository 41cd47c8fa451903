package io.shop.user.account;

import io.shop.api.ShopException;
import io.shop.api.auth.AuthErrors;
import io.shop.api.user.ShippingAddressSnapshot;
import io.shop.api.user.UserIdentity;
import io.shop.api.user.UserProfile;
import io.shop.api.user.UserService;
import io.shop.support.identity.Caller;
import io.shop.user.address.AddressSnapshots;
import org.apache.dubbo.config.annotation.DubboService;

@DubboService
class UserServiceProvider implements UserService {

    private final Accounts accounts;
    private final AddressSnapshots addresses;

    UserServiceProvider(Accounts accounts, AddressSnapshots addresses) {
        this.accounts = accounts;
        this.addresses = addresses;
    }

    @Override
    public UserProfile getUser(long userId) {
        return accounts.profile(userId);
    }

    @Override
    public UserIdentity authenticate(String account, String password) {
        return accounts.authenticate(account, password);
    }

    @Override
    public UserIdentity identity(long userId) {
        return accounts.identity(userId);
    }

    @Override
    public ShippingAddressSnapshot shippingAddress(long addressId) {
        return addresses.of(callerId(), addressId);
    }

    @Override
    public ShippingAddressSnapshot defaultShippingAddress() {
        return addresses.defaultOf(callerId());
    }

    private static long callerId() {
        return Caller.current()
                .map(Caller::userId)
                .orElseThrow(() ->
                        new ShopException(ShopException.Kind.UNAUTHENTICATED, AuthErrors.UNAUTHENTICATED, "no caller"));
    }
}
