package io.shop.auth.session;

import io.shop.api.auth.AccessTokens;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.springframework.stereotype.Repository;

/**
 * Refresh tokens and sessions in Redis. {@code auth:refresh-token:<sha256>} is a hash (sid, uid,
 * exp in epoch millis, rotated 0/1) that lives until the token expires, so a rotated token is still
 * recognised when replayed; {@code auth:session:<sid>} holds the user id while the session (the
 * token family) is alive: deleting it invalidates every token of the family at once.
 */
@Repository
class RefreshTokenStore {

    private static final String TOKEN_PREFIX = "auth:refresh-token:";
    private static final String SESSION_PREFIX = "auth:session:";

    // KEYS: session, token. ARGV: uid, sid, exp millis, ttl millis
    private static final String OPEN =
            """
            redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[4])
            redis.call('HSET', KEYS[2], 'sid', ARGV[2], 'uid', ARGV[1], 'exp', ARGV[3], 'rotated', '0')
            redis.call('PEXPIRE', KEYS[2], ARGV[4])
            return 'OK'
            """;

    // Atomic, so of two refreshes with one token exactly one sees it unrotated.
    // KEYS: presented token, session, revoked-session marker, successor token.
    // ARGV: now millis, successor exp millis, ttl millis, revoked-marker ttl millis
    private static final String ROTATE =
            """
            local token = redis.call('HMGET', KEYS[1], 'sid', 'uid', 'exp', 'rotated')
            if not token[1] or tonumber(token[3]) <= tonumber(ARGV[1]) then return 'INVALID' end
            if redis.call('EXISTS', KEYS[2]) == 0 then return 'INVALID' end
            if token[4] == '1' then
              redis.call('SET', KEYS[3], '1', 'PX', ARGV[4])
              redis.call('DEL', KEYS[2])
              return 'REUSED'
            end
            redis.call('HSET', KEYS[1], 'rotated', '1')
            redis.call('HSET', KEYS[4], 'sid', token[1], 'uid', token[2], 'exp', ARGV[2], 'rotated', '0')
            redis.call('PEXPIRE', KEYS[4], ARGV[3])
            redis.call('PEXPIRE', KEYS[2], ARGV[3])
            return 'ROTATED'
            """;

    private final RedissonClient redis;
    private final RScript script;

    RefreshTokenStore(RedissonClient redis) {
        this.redis = redis;
        this.script = redis.getScript(StringCodec.INSTANCE);
    }

    void open(String sessionId, long userId, String tokenHash, Instant expiresAt, Duration ttl) {
        script.eval(
                RScript.Mode.READ_WRITE,
                OPEN,
                RScript.ReturnType.VALUE,
                List.of(SESSION_PREFIX + sessionId, TOKEN_PREFIX + tokenHash),
                Long.toString(userId),
                sessionId,
                Long.toString(expiresAt.toEpochMilli()),
                Long.toString(ttl.toMillis()));
    }

    /** The token's session and user, if it was ever issued and has not expired from Redis. */
    Optional<StoredRefreshToken> find(String tokenHash) {
        Map<String, String> token = redis.<String, String>getMap(TOKEN_PREFIX + tokenHash, StringCodec.INSTANCE)
                .getAll(Set.of("sid", "uid"));
        if (token.get("sid") == null || token.get("uid") == null) {
            return Optional.empty();
        }
        return Optional.of(new StoredRefreshToken(token.get("sid"), Long.parseLong(token.get("uid"))));
    }

    Rotation rotate(
            StoredRefreshToken presented,
            String presentedHash,
            String successorHash,
            Instant now,
            Duration ttl,
            Duration revokedFor) {
        String outcome = script.eval(
                RScript.Mode.READ_WRITE,
                ROTATE,
                RScript.ReturnType.VALUE,
                List.of(
                        TOKEN_PREFIX + presentedHash,
                        SESSION_PREFIX + presented.sessionId(),
                        AccessTokens.REVOKED_SESSION_KEY_PREFIX + presented.sessionId(),
                        TOKEN_PREFIX + successorHash),
                Long.toString(now.toEpochMilli()),
                Long.toString(now.plus(ttl).toEpochMilli()),
                Long.toString(ttl.toMillis()),
                Long.toString(revokedFor.toMillis()));
        return Rotation.valueOf(outcome);
    }

    /**
     * Ends the session: its refresh tokens stop working, and the marker tells verifiers to refuse
     * its access tokens for {@code revokedFor}. The marker is written first, so no moment exists in
     * which the session is gone but its access tokens are still accepted.
     */
    void revoke(String sessionId, Duration revokedFor) {
        redis.getBucket(AccessTokens.REVOKED_SESSION_KEY_PREFIX + sessionId, StringCodec.INSTANCE)
                .set("1", revokedFor);
        redis.getBucket(SESSION_PREFIX + sessionId).delete();
    }
}
