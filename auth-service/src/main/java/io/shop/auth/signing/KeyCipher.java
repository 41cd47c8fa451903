package io.shop.auth.signing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals private keys with AES-256-GCM under a key derived from the key-encryption secret. The key
 * id is bound in as associated data, so a sealed key copied onto another row does not open.
 */
final class KeyCipher {

    static final int MIN_SECRET_LENGTH = 32;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    // A fixed salt is enough: the secret is machine-generated and only derives this one key
    private static final byte[] SALT = "shop-auth/signing-key/v1".getBytes(StandardCharsets.UTF_8);
    private static final int ITERATIONS = 210_000;

    private final SecretKey key;
    private final SecureRandom random = new SecureRandom();

    KeyCipher(String secret) {
        if (secret == null || secret.length() < MIN_SECRET_LENGTH) {
            throw new MissingKeySecretException();
        }
        this.key = derive(secret);
    }

    byte[] seal(byte[] plaintext, String kid) {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, iv, kid);
            byte[] sealed = Arrays.copyOf(iv, IV_BYTES + cipher.getOutputSize(plaintext.length));
            cipher.doFinal(plaintext, 0, plaintext.length, sealed, IV_BYTES);
            return sealed;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot seal the private key " + kid, e);
        }
    }

    /** Fails when the secret or the key id differ from those it was sealed with. */
    byte[] open(byte[] sealed, String kid) {
        try {
            return cipher(Cipher.DECRYPT_MODE, Arrays.copyOf(sealed, IV_BYTES), kid)
                    .doFinal(sealed, IV_BYTES, sealed.length - IV_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(
                    "cannot open the private key " + kid + ": was it sealed under another key-encryption secret?", e);
        }
    }

    private Cipher cipher(int mode, byte[] iv, String kid) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, iv));
        cipher.updateAAD(kid.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }

    private static SecretKey derive(String secret) {
        try {
            var spec = new PBEKeySpec(secret.toCharArray(), SALT, ITERATIONS, 256);
            byte[] derived = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                    .generateSecret(spec)
                    .getEncoded();
            spec.clearPassword();
            return new SecretKeySpec(derived, "AES");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot derive the key-encryption key", e);
        }
    }
}
