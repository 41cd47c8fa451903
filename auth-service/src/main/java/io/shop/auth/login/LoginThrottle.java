package io.shop.auth.login;

import io.shop.api.ShopException;
import io.shop.api.auth.AuthErrors;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.springframework.stereotype.Component;

/**
 * Counts failed logins per account and per client address in Redis ({@code
 * auth:login-failures:account:<sha256 of the account>}, {@code auth:login-failures:client:<ip>}),
 * each counter expiring when its window closes.
 */
@Component
class LoginThrottle {

    static final String ACCOUNT_PREFIX = "auth:login-failures:account:";
    static final String CLIENT_PREFIX = "auth:login-failures:client:";

    private static final String READ = "return {redis.call('GET', KEYS[1]) or '0', redis.call('PTTL', KEYS[1])}";
    // The window opens with the first failure and is not extended by later ones
    private static final String INCREMENT =
            """
            local failures = redis.call('INCR', KEYS[1])
            if failures == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
            return failures
            """;

    private final RedissonClient redis;
    private final RScript script;
    private final LoginThrottleProperties properties;

    LoginThrottle(RedissonClient redis, LoginThrottleProperties properties) {
        this.redis = redis;
        this.script = redis.getScript(StringCodec.INSTANCE);
        this.properties = properties;
    }

    /** Throws once either the account or the client has used up its failures. */
    void checkAllowed(String account, String client) {
        Stream.of(
                        retryAfter(accountKey(account), properties.perAccount()),
                        retryAfter(CLIENT_PREFIX + client, properties.perClient()))
                .flatMap(Optional::stream)
                .max(Duration::compareTo)
                .ifPresent(wait -> {
                    throw tooManyAttempts(LoginLimit.wholeSecondsUp(wait));
                });
    }

    void recordFailure(String account, String client) {
        increment(accountKey(account));
        increment(CLIENT_PREFIX + client);
    }

    /** The account's owner got in: earlier typos no longer count against it. */
    void recordSuccess(String account) {
        redis.getBucket(accountKey(account)).delete();
    }

    private Optional<Duration> retryAfter(String key, LoginLimit limit) {
        List<Object> counted =
                script.eval(RScript.Mode.READ_ONLY, READ, RScript.ReturnType.MULTI, List.<Object>of(key));
        return limit.retryAfter(asLong(counted.get(0)), asLong(counted.get(1)));
    }

    private void increment(String key) {
        script.eval(
                RScript.Mode.READ_WRITE,
                INCREMENT,
                RScript.ReturnType.INTEGER,
                List.<Object>of(key),
                Long.toString(properties.window().toMillis()));
    }

    /** Accounts are e-mail addresses or phone numbers: hashed, so Redis holds none of them. */
    static String accountKey(String account) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(account.trim().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
            return ACCOUNT_PREFIX + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static long asLong(Object reply) {
        return Long.parseLong(String.valueOf(reply));
    }

    private static ShopException tooManyAttempts(long retryAfterSeconds) {
        return ShopException.tooManyRequests(
                AuthErrors.TOO_MANY_LOGIN_ATTEMPTS,
                "too many failed logins; try again in " + retryAfterSeconds + " s",
                retryAfterSeconds);
    }
}
