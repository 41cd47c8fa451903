package io.shop.payment.ledger;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The double-entry ledger: money only moves as a journal of entries that sum to zero, written in
 * the transaction that moves it. A journal name is unique per account, so the same movement can
 * never be posted twice.
 */
@Component
public class Ledger {

    public static final String CLEARING = "shop:clearing";
    public static final String TOP_UPS = "shop:top-ups";

    private final JdbcClient jdbc;

    Ledger(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Money a payment channel collected for the shop (negative, like top-ups: it came from outside). */
    public static String provider(String channel) {
        return "provider:" + channel;
    }

    public static String wallet(long userId) {
        return "wallet:" + userId;
    }

    /** Posts {@code amounts} (account to signed cents) under {@code journal}; they must sum to zero. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void post(String journal, Map<String, Long> amounts) {
        if (amounts.values().stream().mapToLong(Long::longValue).sum() != 0) {
            throw new IllegalArgumentException("journal " + journal + " does not balance: " + amounts);
        }
        amounts.forEach((account, cents) -> jdbc.sql(
                        "INSERT INTO ledger_entry (journal, account, amount_cents) VALUES (?, ?, ?)")
                .params(journal, account, cents)
                .update());
    }

    /** An account's entries, newest first. */
    public List<Entry> entries(String account, int page, int size) {
        return jdbc.sql("SELECT journal, amount_cents, created_at FROM ledger_entry WHERE account = ?"
                        + " ORDER BY id DESC LIMIT ? OFFSET ?")
                .params(account, size, (long) page * size)
                .query((rs, n) -> new Entry(
                        rs.getString("journal"),
                        rs.getLong("amount_cents"),
                        rs.getTimestamp("created_at").toInstant()))
                .list();
    }

    public record Entry(String journal, long amountCents, Instant at) {}
}
