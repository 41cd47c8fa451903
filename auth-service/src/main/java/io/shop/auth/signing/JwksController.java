package io.shop.auth.signing;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import java.util.List;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The published keys as a JWK set (RFC 7517), for verifiers that fetch and cache it. */
@RestController
class JwksController {

    private final SigningKeyRing ring;
    private final CacheControl cacheControl;

    JwksController(SigningKeyRing ring, AuthProperties properties) {
        this.ring = ring;
        this.cacheControl = CacheControl.maxAge(properties.jwksMaxAge()).cachePublic();
    }

    @GetMapping("/.well-known/jwks.json")
    ResponseEntity<String> jwks() {
        List<JWK> published = List.copyOf(ring.publishedKeys());
        return ResponseEntity.ok()
                .cacheControl(cacheControl)
                .contentType(MediaType.APPLICATION_JSON)
                .body(new JWKSet(published).toString(true));
    }
}
