package io.shop.support.outbox;

import java.time.Duration;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The relay's statements on the {@code outbox} table. Times are the database's ({@code NOW(3)}), so
 * several instances with different clocks agree on what is due.
 */
class OutboxTable {

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    OutboxTable(JdbcClient jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /**
     * Takes up to {@code limit} due rows for {@code claimTimeout}: a short transaction that ends
     * before anything is sent. {@code SKIP LOCKED} lets several instances claim different rows.
     */
    List<Row> claim(int limit, Duration claimTimeout) {
        return transactions.execute(status -> {
            List<Row> rows = jdbc.sql("SELECT id, topic, message_key, payload, attempts FROM outbox"
                            + " WHERE parked_at IS NULL AND next_attempt_at <= NOW(3) ORDER BY id LIMIT ?"
                            + " FOR UPDATE SKIP LOCKED")
                    .param(limit)
                    .query(Row.class)
                    .list();
            if (!rows.isEmpty()) {
                jdbc.sql("UPDATE outbox SET next_attempt_at = TIMESTAMPADD(MICROSECOND, :micros, NOW(3))"
                                + " WHERE id IN (:ids)")
                        .param("micros", micros(claimTimeout))
                        .param("ids", rows.stream().map(Row::id).toList())
                        .update();
            }
            return rows;
        });
    }

    void delete(long id) {
        jdbc.sql("DELETE FROM outbox WHERE id = ?").param(id).update();
    }

    /** The message was refused: counted, and tried again after {@code retryAfter}. */
    void retryLater(long id, Duration retryAfter, String error) {
        jdbc.sql("UPDATE outbox SET attempts = attempts + 1, last_error = ?,"
                        + " next_attempt_at = TIMESTAMPADD(MICROSECOND, ?, NOW(3)) WHERE id = ?")
                .params(truncate(error), micros(retryAfter), id)
                .update();
    }

    /** The message was refused too often: kept for an operator, never sent again by itself. */
    void park(long id, String error) {
        jdbc.sql("UPDATE outbox SET attempts = attempts + 1, last_error = ?, parked_at = NOW(3) WHERE id = ?")
                .params(truncate(error), id)
                .update();
    }

    /** Claimed rows that were not tried (the broker went away first): due again at once. */
    void release(List<Long> ids) {
        if (!ids.isEmpty()) {
            jdbc.sql("UPDATE outbox SET next_attempt_at = NOW(3) WHERE id IN (:ids)")
                    .param("ids", ids)
                    .update();
        }
    }

    Backlog backlog() {
        return jdbc.sql("SELECT COUNT(*) - COUNT(parked_at) AS waiting, COUNT(parked_at) AS parked,"
                        + " COALESCE(TIMESTAMPDIFF(MICROSECOND, MIN(CASE WHEN parked_at IS NULL THEN created_at END),"
                        + " NOW(3)), 0) AS oldest_micros FROM outbox")
                .query((rs, n) ->
                        new Backlog(rs.getLong("waiting"), rs.getLong("parked"), rs.getLong("oldest_micros") / 1e6))
                .single();
    }

    private static long micros(Duration duration) {
        return duration.toNanos() / 1_000;
    }

    private static String truncate(String error) {
        return error.length() <= 500 ? error : error.substring(0, 500);
    }

    record Row(long id, String topic, String messageKey, String payload, int attempts) {}

    /** Messages still to be sent, parked ones, and how long the oldest waiting one has waited. */
    record Backlog(long waiting, long parked, double oldestAgeSeconds) {}
}
