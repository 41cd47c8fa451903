package io.shop.product.detail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shop.support.redis.LuaScript;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.springframework.stereotype.Component;

/**
 * Product pages in Redis, each stamped with the product's version, so that no write goes back in
 * time. The value under {@code product:detail:v2:<id>} is one of
 *
 * <ul>
 *   <li>{@code "<version> <json>"}: the page as of that version;
 *   <li>{@code "0 -"}: there is no such product (products start at version 1);
 *   <li>{@code "<version>"}: a marker left by an invalidation: the page is at least that version
 *       and must be read from the database.
 * </ul>
 *
 * Both changes are Lua scripts, atomic in Redis: a page is written only over an older page or a
 * marker no newer than it, and an invalidation for version v replaces only what is older than v.
 * So a reader that loaded version v-1 before v committed cannot put it back after v's
 * invalidation, and a late or repeated invalidation never drops a page that is already as new.
 * (The format differs from the plain JSON under {@code product:detail:<id>} before it, hence the
 * new key: instances of both kinds can run side by side without reading each other's values.)
 */
@Component
class ProductPages {

    private static final String MISSING = "-";
    private static final String VERSION_OF_CURRENT = "local current = redis.call('get', KEYS[1]) "
            + "local held = nil "
            + "local isPage = false "
            + "if current then "
            + "  local space = string.find(current, ' ', 1, true) "
            + "  isPage = space ~= nil "
            + "  held = tonumber(isPage and string.sub(current, 1, space - 1) or current) "
            + "end ";
    /** ARGV: version, payload, ttl ms. Returns -1 when written, else the newer (or same) version held. */
    private static final LuaScript WRITE = new LuaScript(VERSION_OF_CURRENT
            + "local mine = tonumber(ARGV[1]) "
            + "if held and (held > mine or (isPage and held == mine)) then return held end "
            + "redis.call('set', KEYS[1], ARGV[1] .. ' ' .. ARGV[2], 'PX', ARGV[3]) "
            + "return -1");
    /** ARGV: version, ttl ms. Returns 1 when the marker was set, 0 when what is held is as new. */
    private static final LuaScript INVALIDATE = new LuaScript(VERSION_OF_CURRENT
            + "if held and held >= tonumber(ARGV[1]) then return 0 end "
            + "redis.call('set', KEYS[1], ARGV[1], 'PX', ARGV[2]) "
            + "return 1");

    static final long NOT_WRITTEN_OVER = -1;

    private final RedissonClient redis;
    private final ObjectMapper json;
    private final Supplier<ProductCacheTtls> ttls;

    ProductPages(RedissonClient redis, ObjectMapper json, Supplier<ProductCacheTtls> ttls) {
        this.redis = redis;
        this.json = json;
        this.ttls = ttls;
    }

    static String key(long id) {
        return "product:detail:v2:" + id;
    }

    static long versionOf(Optional<ProductDetail> page) {
        return page.map(ProductDetail::version).orElse(0L);
    }

    /** The page Redis holds (empty: no such product), or null when there is none or only a marker. */
    Optional<ProductDetail> read(long id) {
        String value = redis.<String>getBucket(key(id), StringCodec.INSTANCE).get();
        int space = value == null ? -1 : value.indexOf(' ');
        if (space < 0) {
            return null;
        }
        String payload = value.substring(space + 1);
        return MISSING.equals(payload) ? Optional.empty() : Optional.of(decode(payload));
    }

    /**
     * Writes a page loaded from the database unless Redis holds a newer one or a newer marker.
     *
     * @return {@link #NOT_WRITTEN_OVER} if written, else the version Redis holds
     */
    long write(long id, Optional<ProductDetail> page) {
        ProductCacheTtls now = ttls.get();
        Duration ttl = now.jittered(page.isPresent() ? now.redis() : now.missing());
        return WRITE.run(redis, key(id), versionOf(page), page.map(this::encode).orElse(MISSING), ttl.toMillis());
    }

    /** Leaves "at least {@code version}" unless Redis already holds that version or a newer one. */
    void invalidate(long id, long version) {
        ProductCacheTtls now = ttls.get();
        INVALIDATE.run(redis, key(id), version, now.jittered(now.redis()).toMillis());
    }

    private ProductDetail decode(String payload) {
        try {
            return json.readValue(payload, ProductDetail.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable cached product page", e);
        }
    }

    private String encode(ProductDetail detail) {
        try {
            return json.writeValueAsString(detail);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
