package io.shop.payment.wallet;

import io.shop.api.payment.TopUpCommand;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class WalletRepository {

    private final JdbcClient jdbc;

    WalletRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long balanceOf(long userId) {
        return jdbc.sql("SELECT balance_cents FROM wallet WHERE user_id = ?")
                .param(userId)
                .query(Long.class)
                .optional()
                .orElse(0L);
    }

    /**
     * Records the top-up under its request id; false when that id is already recorded. A second
     * writer of the same id waits on the unique key until the first commits, then sees it here.
     */
    boolean recordEntry(TopUpCommand command) {
        try {
            jdbc.sql("INSERT INTO wallet_entry (request_id, user_id, amount_cents) VALUES (?, ?, ?)")
                    .params(command.requestId(), command.userId(), command.amountCents())
                    .update();
            return true;
        } catch (DuplicateKeyException alreadyRecorded) {
            return false;
        }
    }

    Optional<RecordedEntry> findEntry(String requestId) {
        return jdbc.sql("SELECT user_id, amount_cents FROM wallet_entry WHERE request_id = ?")
                .param(requestId)
                .query(RecordedEntry.class)
                .optional();
    }

    /** Creates the wallet on its first credit. */
    void credit(long userId, long amountCents) {
        jdbc.sql(
                        """
                        INSERT INTO wallet (user_id, balance_cents, version) VALUES (?, ?, 1)
                        ON DUPLICATE KEY UPDATE balance_cents = balance_cents + VALUES(balance_cents),
                                                version = version + 1
                        """)
                .params(userId, amountCents)
                .update();
    }

    /** Takes money out only if the wallet holds enough; false (and nothing changed) otherwise. */
    boolean debit(long userId, long amountCents) {
        return jdbc.sql("UPDATE wallet SET balance_cents = balance_cents - ?, version = version + 1"
                                + " WHERE user_id = ? AND balance_cents >= ?")
                        .params(amountCents, userId, amountCents)
                        .update()
                == 1;
    }

    record RecordedEntry(long userId, long amountCents) {

        boolean sameAs(TopUpCommand command) {
            return userId == command.userId() && amountCents == command.amountCents();
        }
    }
}
