package io.shop.payment.wallet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shop.api.ShopException;
import io.shop.api.payment.PaymentErrors;
import io.shop.api.payment.TopUpCommand;
import io.shop.api.payment.WalletBalance;
import io.shop.api.payment.WalletService;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest
@ActiveProfiles("it")
class WalletTopUpIT {

    @Autowired
    WalletService wallets;

    @Autowired
    JdbcClient jdbc;

    @Test
    void userWithoutAWalletHasBalanceZero() {
        long userId = newUserId();

        assertThat(wallets.balanceOf(userId)).isEqualTo(new WalletBalance(userId, 0));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM wallet WHERE user_id = ?")
                        .param(userId)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void distinctTopUpsAddUp() {
        long userId = newUserId();

        wallets.topUp(new TopUpCommand(userId, 1500, requestId()));
        WalletBalance after = wallets.topUp(new TopUpCommand(userId, 250, requestId()));

        assertThat(after.balanceCents()).isEqualTo(1750);
        assertThat(wallets.balanceOf(userId).balanceCents()).isEqualTo(1750);
    }

    @Test
    void sameRequestSentConcurrentlyCreditsOnce() throws Exception {
        long userId = newUserId();
        var command = new TopUpCommand(userId, 1000, requestId());
        Callable<WalletBalance> send = () -> wallets.topUp(command);

        var pool = Executors.newFixedThreadPool(5);
        List<Future<WalletBalance>> results =
                pool.invokeAll(IntStream.range(0, 5).mapToObj(i -> send).toList());
        pool.shutdown();

        for (Future<WalletBalance> result : results) {
            assertThat(result.get().balanceCents()).isEqualTo(1000);
        }
        assertThat(wallets.balanceOf(userId).balanceCents()).isEqualTo(1000);
        assertThat(entriesOf(userId)).isEqualTo(1);
    }

    @Test
    void retryAfterCompletionReturnsTheBalanceWithoutCreditingAgain() {
        long userId = newUserId();
        var command = new TopUpCommand(userId, 700, requestId());

        wallets.topUp(command);
        wallets.topUp(new TopUpCommand(userId, 300, requestId()));
        WalletBalance replayed = wallets.topUp(command);

        assertThat(replayed.balanceCents()).isEqualTo(1000);
        assertThat(entriesOf(userId)).isEqualTo(2);
    }

    @Test
    void requestIdReusedForAnotherAmountIsAConflict() {
        long userId = newUserId();
        String requestId = requestId();
        wallets.topUp(new TopUpCommand(userId, 700, requestId));

        assertThatThrownBy(() -> wallets.topUp(new TopUpCommand(userId, 900, requestId)))
                .isInstanceOfSatisfying(
                        ShopException.class, e -> assertThat(e.code()).isEqualTo(PaymentErrors.REQUEST_ID_REUSED));
        assertThat(wallets.balanceOf(userId).balanceCents()).isEqualTo(700);
    }

    @Test
    void aTopUpIsOneBalancedJournalFromTheShopsTopUpAccountToTheWallet() {
        long userId = newUserId();
        String requestId = requestId();

        wallets.topUp(new TopUpCommand(userId, 1250, requestId));
        wallets.topUp(new TopUpCommand(userId, 1250, requestId));

        assertThat(jdbc.sql("SELECT account, amount_cents FROM ledger_entry WHERE journal = ? ORDER BY account")
                        .param("top-up:" + requestId)
                        .query((rs, n) -> rs.getString("account") + "=" + rs.getLong("amount_cents"))
                        .list())
                .containsExactly("shop:top-ups=-1250", "wallet:" + userId + "=1250");
    }

    @Test
    void databaseRefusesANegativeBalance() {
        long userId = newUserId();
        wallets.topUp(new TopUpCommand(userId, 100, requestId()));

        assertThatThrownBy(() -> jdbc.sql("UPDATE wallet SET balance_cents = balance_cents - 101 WHERE user_id = ?")
                        .param(userId)
                        .update())
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThat(wallets.balanceOf(userId).balanceCents()).isEqualTo(100);
    }

    private long entriesOf(long userId) {
        return jdbc.sql("SELECT COUNT(*) FROM wallet_entry WHERE user_id = ?")
                .param(userId)
                .query(Long.class)
                .single();
    }

    /** Fresh per test, so reruns against the same database never meet old rows. */
    private static long newUserId() {
        return ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);
    }

    private static String requestId() {
        return UUID.randomUUID().toString();
    }
}
