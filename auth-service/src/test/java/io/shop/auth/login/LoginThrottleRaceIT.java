package io.shop.auth.login;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.shop.api.ShopException;
import io.shop.api.user.UserErrors;
import io.shop.api.user.UserIdentity;
import io.shop.auth.UserClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.redisson.config.Config;

/**
 * The login throttle against the real Redis ({@code REDIS_ADDRESS}), nothing else: user-service is
 * a stand-in that refuses every password, and in the parallel tests holds every password check
 * until each attempt is either refused by the throttle or inside a check, so guesses really overlap.
 */
class LoginThrottleRaceIT {

    private static final RedissonClient REDIS = redis();

    private final String client = "it-client-" + UUID.randomUUID();
    private final List<String> keys = new ArrayList<>(List.of(LoginThrottle.clientKey(client)));
    private final CountingUsers users = new CountingUsers();

    @AfterEach
    void removeCounters() {
        keys.forEach(key -> REDIS.getBucket(key).delete());
    }

    @AfterAll
    static void closeRedis() {
        REDIS.shutdown();
    }

    @Test
    void fiftyParallelWrongPasswordsForOneAccountGetExactlyFivePasswordChecks() throws Exception {
        String account = account();
        LoggingIn loggingIn = loggingIn(5, 1000);

        Map<String, Long> outcomes =
                inParallel(50, attempt -> () -> loggingIn.logIn(account, "guess-" + attempt, client));

        assertThat(users.checks).hasValue(5);
        assertThat(outcomes)
                .containsOnly(Map.entry("INVALID_CREDENTIALS", 5L), Map.entry("TOO_MANY_LOGIN_ATTEMPTS", 45L));
    }

    @Test
    void fiftyParallelGuessesAtFiftyAccountsFromOneClientStopAtTheClientLimit() throws Exception {
        List<String> accounts = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            accounts.add(account());
        }
        LoggingIn loggingIn = loggingIn(1000, 5);

        Map<String, Long> outcomes =
                inParallel(50, attempt -> () -> loggingIn.logIn(accounts.get(attempt), "guess", client));

        assertThat(users.checks).hasValue(5);
        assertThat(outcomes).containsEntry("TOO_MANY_LOGIN_ATTEMPTS", 45L);
        // the refused attempts gave back what they had counted against their accounts
        assertThat(accounts.stream().filter(a -> REDIS.getBucket(LoginThrottle.accountKey(a))
                        .isExists()))
                .hasSize(5);
    }

    @Test
    void attemptThatFailedForAnotherReasonIsNotCountedAgainstTheAccount() {
        String account = account();
        users.failure = new IllegalStateException("user-service unreachable");
        LoggingIn loggingIn = loggingIn(2, 1000);

        for (int i = 0; i < 5; i++) {
            assertThat(outcomeOf(() -> loggingIn.logIn(account, "secret", client)))
                    .isEqualTo("IllegalStateException");
        }
        assertThat(REDIS.getBucket(LoginThrottle.accountKey(account)).isExists())
                .isFalse();
        assertThat(REDIS.getBucket(LoginThrottle.clientKey(client)).isExists()).isFalse();
    }

    @Test
    void successClearsTheAccountAndGivesTheClientItsAttemptBack() {
        String account = account();
        LoginThrottle throttle = throttle(3, 3);
        throttle.admit(account, client);
        throttle.admit(account, client);

        throttle.recordSuccess(account, client);

        assertThat(REDIS.getBucket(LoginThrottle.accountKey(account)).isExists())
                .isFalse();
        assertThat(REDIS.<String>getBucket(LoginThrottle.clientKey(client), StringCodec.INSTANCE)
                        .get())
                .isEqualTo("1");
    }

    @Test
    void counterLeftWithoutExpiryIsRefusedForOneWindowNotForever() {
        String account = account();
        var counter = REDIS.<String>getBucket(LoginThrottle.accountKey(account), StringCodec.INSTANCE);
        counter.set("3");

        String outcome = outcomeOf(() -> throttle(3, 1000).admit(account, client));

        assertThat(outcome).isEqualTo("TOO_MANY_LOGIN_ATTEMPTS");
        assertThat(counter.remainTimeToLive())
                .isBetween(1L, Duration.ofMinutes(15).toMillis());
    }

    private String account() {
        String account = "race-" + UUID.randomUUID() + "@example.org";
        keys.add(LoginThrottle.accountKey(account));
        return account;
    }

    private LoggingIn loggingIn(int perAccount, int perClient) {
        return new LoggingIn(throttle(perAccount, perClient), users, null);
    }

    private static LoginThrottle throttle(int perAccount, int perClient) {
        LoginThrottleProperties limits = new LoginThrottleProperties(perAccount, perClient, Duration.ofMinutes(15));
        return new LoginThrottle(REDIS, () -> limits);
    }

    /**
     * Starts all attempts at once and holds every password check until each attempt was refused or
     * is being checked; the outcome of each is its error code (or exception name).
     */
    private Map<String, Long> inParallel(int attempts, IntFunction<Runnable> attempt) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(attempts);
        users.gate = new CountDownLatch(1);
        try {
            CountDownLatch start = new CountDownLatch(1);
            AtomicInteger settled = new AtomicInteger();
            List<Future<String>> outcomes = new ArrayList<>();
            for (int i = 0; i < attempts; i++) {
                Runnable login = attempt.apply(i);
                outcomes.add(pool.submit(() -> {
                    start.await();
                    String outcome = outcomeOf(login);
                    settled.incrementAndGet();
                    return outcome;
                }));
            }
            start.countDown();
            await().atMost(Duration.ofSeconds(30)).until(() -> settled.get() + users.checks.get() >= attempts);
            users.gate.countDown();
            List<String> all = new ArrayList<>();
            for (Future<String> outcome : outcomes) {
                all.add(outcome.get());
            }
            return all.stream().collect(Collectors.groupingBy(o -> o, Collectors.counting()));
        } finally {
            users.gate.countDown();
            pool.shutdownNow();
        }
    }

    private static String outcomeOf(Runnable attempt) {
        try {
            attempt.run();
            return "OK";
        } catch (ShopException e) {
            return e.code();
        } catch (RuntimeException e) {
            return e.getClass().getSimpleName();
        }
    }

    /** Refuses every password once its gate is open, counting how often it was asked. */
    private static final class CountingUsers extends UserClient {

        final AtomicInteger checks = new AtomicInteger();
        volatile CountDownLatch gate = new CountDownLatch(0);
        volatile RuntimeException failure =
                new ShopException(ShopException.Kind.UNAUTHENTICATED, UserErrors.INVALID_CREDENTIALS, "wrong");

        @Override
        public UserIdentity authenticate(String account, String password) {
            checks.incrementAndGet();
            try {
                gate.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw failure;
        }
    }

    private static RedissonClient redis() {
        Config config = new Config();
        config.useSingleServer()
                .setAddress("redis://" + System.getenv().getOrDefault("REDIS_ADDRESS", "127.0.0.1:6379"));
        return Redisson.create(config);
    }
}
