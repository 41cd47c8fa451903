package io.shop.auth.login;

import io.shop.api.ShopException;
import io.shop.api.auth.AuthErrors;
import java.io.Serial;

class TooManyLoginAttemptsException extends ShopException {

    @Serial
    private static final long serialVersionUID = 1L;

    private final long retryAfterSeconds;

    TooManyLoginAttemptsException(long retryAfterSeconds) {
        super(
                Kind.TOO_MANY_REQUESTS,
                AuthErrors.TOO_MANY_LOGIN_ATTEMPTS,
                "too many failed logins; try again in " + retryAfterSeconds + " s");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
