package io.shop.auth.signing;

import io.shop.auth.TokenLifetimes;
import io.shop.support.identity.Caller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Key rotation for administrators. The roles header is set by the gateway from a verified access
 * token (and stripped from client requests), so it is trusted here.
 */
@RestController
class KeyRotationController {

    private final SigningKeyRing ring;
    private final TokenLifetimes lifetimes;

    KeyRotationController(SigningKeyRing ring, TokenLifetimes lifetimes) {
        this.ring = ring;
        this.lifetimes = lifetimes;
    }

    @PostMapping("/api/auth/keys/rotate")
    ActiveKey rotate() {
        Caller.requireAdmin();
        return new ActiveKey(ring.rotate(lifetimes.accessTokenHorizon()));
    }

    /** The key that signs new tokens from now on. */
    record ActiveKey(String kid) {}
}
