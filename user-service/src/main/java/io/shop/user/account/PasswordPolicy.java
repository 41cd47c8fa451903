package io.shop.user.account;

import java.nio.charset.StandardCharsets;

/**
 * Which passwords an account may have: 8 to 72 characters with at least one letter and one digit.
 * BCrypt reads only the first 72 bytes, so a password must also fit in 72 bytes of UTF-8 (a longer
 * one would be cut silently, or refused by the encoder).
 */
final class PasswordPolicy {

    static final String RULE = "must be 8 to 72 characters (at most 72 bytes) with at least one letter and one digit";
    static final int MIN_LENGTH = 8;
    static final int MAX_LENGTH = 72;

    static boolean accepts(String password) {
        return password != null
                && password.codePointCount(0, password.length()) >= MIN_LENGTH
                && fitsBcrypt(password)
                && password.codePoints().anyMatch(Character::isLetter)
                && password.codePoints().anyMatch(Character::isDigit);
    }

    static boolean fitsBcrypt(String password) {
        return password.getBytes(StandardCharsets.UTF_8).length <= MAX_LENGTH;
    }

    private PasswordPolicy() {}
}
