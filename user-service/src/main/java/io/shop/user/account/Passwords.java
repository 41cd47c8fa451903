package io.shop.user.account;

import java.util.UUID;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Hashes and checks passwords with BCrypt. A check against no hash (unknown account, account
 * without a password) still spends one BCrypt comparison, so response times do not tell callers
 * which accounts exist.
 */
@Component
class Passwords {

    private final BCryptPasswordEncoder encoder = new BCryptPasswordEncoder();
    private final String decoyHash = encoder.encode(UUID.randomUUID().toString());

    String hash(String password) {
        return encoder.encode(password);
    }

    boolean matches(String password, String hash) {
        if (password == null || !PasswordPolicy.fitsBcrypt(password) || hash == null) {
            encoder.matches("decoy-password-0", decoyHash);
            return false;
        }
        return encoder.matches(password, hash);
    }
}
