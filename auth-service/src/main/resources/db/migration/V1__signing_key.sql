-- A key signs tokens while retired_at is NULL, and is published for verification until retired_at
-- has passed (retiring sets it to the moment the last token it signed expires).
CREATE TABLE signing_key (
    kid             VARCHAR(64)   NOT NULL PRIMARY KEY,
    algorithm       VARCHAR(16)   NOT NULL,
    public_jwk      VARCHAR(2048) NOT NULL,
    -- PKCS#8 private key, AES-256-GCM under the key-encryption secret: 12-byte IV, then ciphertext
    private_key_enc VARBINARY(4096) NOT NULL,
    created_at      TIMESTAMP(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    retired_at      TIMESTAMP(3)  NULL,
    KEY ix_signing_key_retired (retired_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
