package io.shop.auth.signing;

import java.io.Serial;

/** The key-encryption secret is absent or too short to protect the private keys. */
class MissingKeySecretException extends IllegalStateException {

    @Serial
    private static final long serialVersionUID = 1L;

    MissingKeySecretException() {
        super("shop.auth.key-encryption-secret (env AUTH_KEY_SECRET) is missing or shorter than "
                + KeyCipher.MIN_SECRET_LENGTH + " characters");
    }
}
