package io.shop.auth.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RefreshTokensTest {

    @Test
    void tokenCarries256RandomBitsAsBase64Url() {
        String token = RefreshTokens.generate();

        assertThat(token).matches("[A-Za-z0-9_-]{43}");
        assertThat(Base64.getUrlDecoder().decode(token)).hasSize(32);
    }

    @Test
    void tokensDoNotRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            assertThat(seen.add(RefreshTokens.generate())).isTrue();
        }
    }

    @Test
    void hashIsTheSha256OfTheToken() {
        // SHA-256("abc") from FIPS 180-2, base64url
        assertThat(RefreshTokens.hash("abc")).isEqualTo("ungWv48Bz-pBQUDeXa4iI7ADYaOWF3qctBD_YfIAFa0");
    }

    @Test
    void hashNeverEqualsTheToken() {
        String token = RefreshTokens.generate();

        assertThat(RefreshTokens.hash(token)).isNotEqualTo(token).isEqualTo(RefreshTokens.hash(token));
    }
}
