package io.shop.support.redis;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.RedisNoScriptException;
import org.redisson.client.codec.StringCodec;

/**
 * A Lua script run by its SHA-1 (EVALSHA, so only the digest crosses the network). Redis has it
 * loaded on first use, and again whenever Redis forgot it (a restart empties its script cache).
 * Its keys must share one hash slot (a common {@code {hash tag}}) for a Redis cluster.
 */
public final class LuaScript {

    private final String source;
    private final String sha;

    public LuaScript(String source) {
        this.source = source;
        this.sha = sha1(source);
    }

    /** A script of one key that answers an integer. */
    public long run(RedissonClient redis, String key, Object... args) {
        Long result = run(redis, RScript.ReturnType.INTEGER, List.of(key), args);
        return result;
    }

    /** Arguments and string results as UTF-8 strings; the type the return type gives. */
    public <T> T run(RedissonClient redis, RScript.ReturnType returns, List<Object> keys, Object... args) {
        RScript script = redis.getScript(StringCodec.INSTANCE);
        String routing = String.valueOf(keys.get(0));
        try {
            return script.evalSha(routing, RScript.Mode.READ_WRITE, sha, returns, keys, args);
        } catch (RedisNoScriptException notLoaded) {
            script.scriptLoad(source);
            return script.evalSha(routing, RScript.Mode.READ_WRITE, sha, returns, keys, args);
        }
    }

    private static String sha1(String source) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-1").digest(source.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
