package io.shop.auth.signing;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class SigningKeyRepository {

    private static final String COLUMNS = "kid, algorithm, public_jwk, private_key_enc";

    private final JdbcClient jdbc;

    SigningKeyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The newest key not yet retired: the one new tokens are signed with. */
    Optional<StoredSigningKey> findActive() {
        return jdbc.sql("SELECT " + COLUMNS
                        + " FROM signing_key WHERE retired_at IS NULL ORDER BY created_at DESC, kid LIMIT 1")
                .query(StoredSigningKey.class)
                .optional();
    }

    /** Keys whose tokens may still be valid at {@code now}, newest first. */
    List<StoredSigningKey> findPublished(Instant now) {
        return jdbc.sql("SELECT " + COLUMNS
                        + " FROM signing_key WHERE retired_at IS NULL OR retired_at > ? ORDER BY created_at DESC, kid")
                .param(Timestamp.from(now))
                .query(StoredSigningKey.class)
                .list();
    }

    /** Retires every active key except {@code kid}: published until {@code retiredAt}, then gone. */
    int retireAllBut(String kid, Instant retiredAt) {
        return jdbc.sql("UPDATE signing_key SET retired_at = ? WHERE retired_at IS NULL AND kid <> ?")
                .params(Timestamp.from(retiredAt), kid)
                .update();
    }

    void insert(StoredSigningKey key) {
        jdbc.sql("INSERT INTO signing_key (" + COLUMNS + ") VALUES (?, ?, ?, ?)")
                .params(key.kid(), key.algorithm(), key.publicJwk(), key.privateKeyEnc())
                .update();
    }
}
