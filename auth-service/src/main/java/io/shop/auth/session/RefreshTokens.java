package io.shop.auth.session;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Refresh tokens are 256 random bits, base64url. Only their SHA-256 is stored: a leaked Redis
 * dump gives no usable token, and the token's own entropy makes a salt unnecessary.
 */
final class RefreshTokens {

    private static final int TOKEN_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    static String generate() {
        byte[] token = new byte[TOKEN_BYTES];
        RANDOM.nextBytes(token);
        return BASE64URL.encodeToString(token);
    }

    /** The SHA-256 of the token, base64url: how it is looked up. */
    static String hash(String token) {
        try {
            return BASE64URL.encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private RefreshTokens() {}
}
