package io.shop.user.account;

import io.shop.api.ShopException;
import io.shop.api.user.UserErrors;
import io.shop.api.user.UserProfile;
import org.springframework.stereotype.Service;

/** The account use cases; registration and login join here later. */
@Service
class Accounts {

    private final UserRepository users;

    Accounts(UserRepository users) {
        this.users = users;
    }

    UserProfile profile(long userId) {
        return users.findProfile(userId)
                .orElseThrow(
                        () -> ShopException.notFound(UserErrors.USER_NOT_FOUND, "user " + userId + " does not exist"));
    }
}
