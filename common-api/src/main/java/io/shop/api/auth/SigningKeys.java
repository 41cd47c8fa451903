package io.shop.api.auth;

import io.shop.api.CallableBy;
import java.util.List;

/**
 * The public halves of the keys auth-service signs tokens with, for services that verify tokens
 * themselves (the gateway). The same keys are served as a JWK set at {@code /.well-known/jwks.json}.
 */
public interface SigningKeys {

    /** Every key a currently valid token may be signed with, newest first; never a private part. */
    @CallableBy({})
    List<PublicSigningKey> publishedKeys();
}
