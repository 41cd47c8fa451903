package io.shop.auth;

import io.shop.api.user.UserIdentity;
import io.shop.api.user.UserService;
import org.apache.dubbo.config.annotation.DubboReference;
import org.springframework.stereotype.Component;

/** user-service as auth-service needs it, over Dubbo. */
@Component
public class UserClient {

    @DubboReference
    private UserService users;

    /** Fails with {@code INVALID_CREDENTIALS} or {@code ACCOUNT_DISABLED} (a ShopException). */
    public UserIdentity authenticate(String account, String password) {
        return users.authenticate(account, password);
    }

    /** Fails with {@code USER_NOT_FOUND} or {@code ACCOUNT_DISABLED} (a ShopException). */
    public UserIdentity identity(long userId) {
        return users.identity(userId);
    }
}
