package io.shop.user.account;

import io.shop.api.user.UserIdentity;
import io.shop.api.user.UserProfile;
import io.shop.api.user.UserService;
import org.apache.dubbo.config.annotation.DubboService;

@DubboService
class UserServiceProvider implements UserService {

    private final Accounts accounts;

    UserServiceProvider(Accounts accounts) {
        this.accounts = accounts;
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
}
