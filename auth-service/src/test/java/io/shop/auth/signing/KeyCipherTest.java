package io.shop.auth.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class KeyCipherTest {

    private static final String SECRET = "unit-test-secret-0123456789-abcdef";
    private static final byte[] PRIVATE_KEY = "pkcs8 bytes of a private key".getBytes(StandardCharsets.UTF_8);

    private final KeyCipher cipher = new KeyCipher(SECRET);

    @Test
    void sealedKeyOpensWithTheSameSecretAndKid() {
        byte[] sealed = cipher.seal(PRIVATE_KEY, "kid-1");

        assertThat(new KeyCipher(SECRET).open(sealed, "kid-1")).isEqualTo(PRIVATE_KEY);
    }

    @Test
    void sealedKeyDoesNotContainThePlaintext() {
        byte[] sealed = cipher.seal(PRIVATE_KEY, "kid-1");

        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("private key");
    }

    @Test
    void sealingTwiceGivesDifferentCiphertexts() {
        assertThat(cipher.seal(PRIVATE_KEY, "kid-1")).isNotEqualTo(cipher.seal(PRIVATE_KEY, "kid-1"));
    }

    @Test
    void anotherSecretCannotOpenTheKey() {
        byte[] sealed = cipher.seal(PRIVATE_KEY, "kid-1");
        var other = new KeyCipher("another-secret-0123456789-abcdefgh");

        assertThatThrownBy(() -> other.open(sealed, "kid-1"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("another key-encryption secret");
    }

    @Test
    void keyCopiedToAnotherKidDoesNotOpen() {
        byte[] sealed = cipher.seal(PRIVATE_KEY, "kid-1");

        assertThatThrownBy(() -> cipher.open(sealed, "kid-2")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void tamperedCiphertextDoesNotOpen() {
        byte[] sealed = cipher.seal(PRIVATE_KEY, "kid-1");
        sealed[sealed.length - 1] ^= 1;

        assertThatThrownBy(() -> cipher.open(sealed, "kid-1")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void missingOrShortSecretIsRefused() {
        assertThatThrownBy(() -> new KeyCipher(null))
                .isInstanceOf(MissingKeySecretException.class)
                .hasMessageContaining("AUTH_KEY_SECRET");
        assertThatThrownBy(() -> new KeyCipher("x".repeat(KeyCipher.MIN_SECRET_LENGTH - 1)))
                .isInstanceOf(MissingKeySecretException.class);
    }
}
