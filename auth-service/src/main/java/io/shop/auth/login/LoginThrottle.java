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
import java.util.function.Supplier;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.springframework.stereotype.Component;

/**
 * Counts failed logins per account and per client address in Redis ({@code
 * auth:login-failures:account:<sha256 of the account>}, {@code auth:login-failures:client:<ip>}),
 * each counter expiring when its window closes.
 *
 * <p>An attempt is counted as a failure before the password is checked, in the same Redis call
 * that checks the limit ({@link #admit}): checking first and counting after the password was found
 * wrong would let any number of parallel guesses past a counter that still reads "below the limit".
 * An attempt that turns out not to be a wrong password gives its count back.
 */
@Component
class LoginThrottle {

    static final String ACCOUNT_PREFIX = "auth:login-failures:account:";
    static final String CLIENT_PREFIX = "auth:login-failures:client:";

    /**
     * 0 when the failure was counted (below ARGV[2] failures), else the window's remaining millis.
     * The window opens with the first failure and later ones do not extend it; a counter found
     * without expiry (written by hand, or a lost PEXPIRE) gets one instead of locking forever.
     */
    private static final String COUNT_IF_BELOW_LIMIT =
            """
            local failures = tonumber(redis.call('GET', KEYS[1]) or '0')
            if failures >= tonumber(ARGV[2]) then
              local remaining = redis.call('PTTL', KEYS[1])
              if remaining > 0 then return remaining end
              redis.call('PEXPIRE', KEYS[1], ARGV[1])
              return tonumber(ARGV[1])
            end
            redis.call('INCR', KEYS[1])
            if redis.call('PTTL', KEYS[1]) < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
            return 0
            """;

    // never below zero, never a counter without expiry
    private static final String GIVE_BACK =
            """
            if redis.call('EXISTS', KEYS[1]) == 1 and redis.call('DECR', KEYS[1]) <= 0 then
              redis.call('DEL', KEYS[1])
            end
            return 0
            """;

    private final RedissonClient redis;
    private final RScript script;
    private final Supplier<LoginThrottleProperties> limits;

    LoginThrottle(RedissonClient redis, Supplier<LoginThrottleProperties> limits) {
        this.redis = redis;
        this.script = redis.getScript(StringCodec.INSTANCE);
        this.limits = limits;
    }

    /**
     * Counts this attempt as a failure of the account and of the client, or throws 429 (counting
     * nothing) once either has used up its failures.
     */
    void admit(String account, String client) {
        String accountKey = accountKey(account);
        LoginThrottleProperties now = limits.get();
        countOrRefuse(accountKey, now.perAccount());
        try {
            countOrRefuse(clientKey(client), now.perClient());
        } catch (ShopException refused) {
            giveBack(accountKey);
            throw refused;
        }
    }

    /** The attempt was no wrong password (user-service failed, the account is disabled). */
    void giveBack(String account, String client) {
        giveBack(accountKey(account));
        giveBack(clientKey(client));
    }

    /** The account's owner got in: earlier typos no longer count against it, nor this attempt. */
    void recordSuccess(String account, String client) {
        redis.getBucket(accountKey(account)).delete();
        giveBack(clientKey(client));
    }

    private void countOrRefuse(String key, LoginLimit limit) {
        long waitMillis = script.eval(
                RScript.Mode.READ_WRITE,
                COUNT_IF_BELOW_LIMIT,
                RScript.ReturnType.INTEGER,
                List.<Object>of(key),
                Long.toString(limit.window().toMillis()),
                Integer.toString(limit.maxFailures()));
        if (waitMillis > 0) {
            throw tooManyAttempts(LoginLimit.wholeSecondsUp(Duration.ofMillis(waitMillis)));
        }
    }

    private void giveBack(String key) {
        script.eval(RScript.Mode.READ_WRITE, GIVE_BACK, RScript.ReturnType.INTEGER, List.<Object>of(key));
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

    static String clientKey(String client) {
        return CLIENT_PREFIX + client;
    }

    private static ShopException tooManyAttempts(long retryAfterSeconds) {
        return ShopException.tooManyRequests(
                AuthErrors.TOO_MANY_LOGIN_ATTEMPTS,
                "too many failed logins; try again in " + retryAfterSeconds + " s",
                retryAfterSeconds);
    }
}
