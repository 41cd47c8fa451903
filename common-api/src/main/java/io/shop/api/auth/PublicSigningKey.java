package io.shop.api.auth;

import java.io.Serializable;

/**
 * The public JWK (RFC 7517/7518) of an elliptic-curve signing key, field by field as the JWK names
 * them: {@code kty} "EC", {@code crv} "P-256", {@code alg} "ES256", {@code use} "sig", and the
 * base64url coordinates {@code x} and {@code y}.
 */
public record PublicSigningKey(String kid, String kty, String alg, String use, String crv, String x, String y)
        implements Serializable {}
