package io.shop.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

class RememberedTokensTest {

    private final AtomicInteger checks = new AtomicInteger();

    @Test
    void aTokenThatVerifiedIsNotCheckedAgainWhileItIsValid() {
        ReactiveJwtDecoder decoder =
                AccessTokenDecoders.remembering(verifier(Instant.now().plusSeconds(600)), Duration.ofSeconds(30));

        decoder.decode("token-a").block();
        decoder.decode("token-a").block();
        decoder.decode("token-b").block();

        assertThat(checks).hasValue(2);
    }

    @Test
    void aRememberedTokenPastItsExpiryIsCheckedAgainAndRefused() {
        Instant expiry = Instant.now().minusSeconds(31);
        ReactiveJwtDecoder verifiedOnce = token ->
                checks.incrementAndGet() == 1 ? Mono.just(jwt(expiry)) : Mono.error(new BadJwtException("expired"));
        ReactiveJwtDecoder decoder = AccessTokenDecoders.remembering(verifiedOnce, Duration.ofSeconds(30));

        decoder.decode("token").block();
        assertThatThrownBy(() -> decoder.decode("token").block()).isInstanceOf(BadJwtException.class);

        assertThat(checks).hasValue(2);
    }

    @Test
    void aTokenThatFailedIsNotRemembered() {
        ReactiveJwtDecoder refusing = token -> {
            checks.incrementAndGet();
            return Mono.error(new BadJwtException("bad signature"));
        };
        ReactiveJwtDecoder decoder = AccessTokenDecoders.remembering(refusing, Duration.ofSeconds(30));

        assertThatThrownBy(() -> decoder.decode("forged").block()).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> decoder.decode("forged").block()).isInstanceOf(BadJwtException.class);

        assertThat(checks).hasValue(2);
    }

    private ReactiveJwtDecoder verifier(Instant expiry) {
        return token -> {
            checks.incrementAndGet();
            return Mono.just(jwt(expiry));
        };
    }

    private static Jwt jwt(Instant expiry) {
        return Jwt.withTokenValue("t")
                .header("alg", "ES256")
                .subject("1")
                .issuedAt(expiry.minusSeconds(900))
                .expiresAt(expiry)
                .build();
    }
}
