package io.shop.auth.signing;

/** A row of {@code signing_key}: the public JWK as JSON, the private key sealed. */
record StoredSigningKey(String kid, String algorithm, String publicJwk, byte[] privateKeyEnc) {}
