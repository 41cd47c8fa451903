package io.shop.auth.login;

import io.shop.api.ShopException;
import io.shop.api.user.UserErrors;
import io.shop.api.user.UserIdentity;
import io.shop.auth.UserClient;
import io.shop.auth.session.Sessions;
import io.shop.auth.session.TokenPair;
import org.springframework.stereotype.Service;

/**
 * Logging in: the attempt is counted as a failure before the password is checked, so guessing
 * gains nothing once over the limit, however many guesses run at once.
 */
@Service
class LoggingIn {

    private final LoginThrottle throttle;
    private final UserClient users;
    private final Sessions sessions;

    LoggingIn(LoginThrottle throttle, UserClient users, Sessions sessions) {
        this.throttle = throttle;
        this.users = users;
        this.sessions = sessions;
    }

    TokenPair logIn(String account, String password, String client) {
        throttle.admit(account, client);
        UserIdentity identity;
        try {
            identity = users.authenticate(account, password);
        } catch (RuntimeException e) {
            if (e instanceof ShopException refused && UserErrors.INVALID_CREDENTIALS.equals(refused.code())) {
                // the failure admit() counted stays counted
                throw new ShopException(
                        ShopException.Kind.UNAUTHENTICATED,
                        UserErrors.INVALID_CREDENTIALS,
                        "the account or the password is wrong");
            }
            throttle.giveBack(account, client);
            throw e;
        }
        throttle.recordSuccess(account, client);
        return sessions.open(identity);
    }
}
