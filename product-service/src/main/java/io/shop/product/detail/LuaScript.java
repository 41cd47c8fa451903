package io.shop.product.detail;

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
 * A Lua script on one key, run by its SHA-1 (EVALSHA, so only the digest crosses the network).
 * Redis has it loaded on first use, and again whenever Redis forgot it (a restart empties its
 * script cache).
 */
final class LuaScript {

    private final String source;
    private final String sha;

    LuaScript(String source) {
        this.source = source;
        this.sha = sha1(source);
    }

    long run(RedissonClient redis, String key, Object... args) {
        RScript script = redis.getScript(StringCodec.INSTANCE);
        try {
            return script.evalSha(key, RScript.Mode.READ_WRITE, sha, RScript.ReturnType.INTEGER, List.of(key), args);
        } catch (RedisNoScriptException notLoaded) {
            script.scriptLoad(source);
            return script.evalSha(key, RScript.Mode.READ_WRITE, sha, RScript.ReturnType.INTEGER, List.of(key), args);
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
