package io.shop.support.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Messages written in the same database transaction as the change they announce, so a message
 * goes out exactly when the change is committed (no dual write); {@link OutboxRelay} sends them to
 * RocketMQ after the commit, at least once. The service's database needs the table:
 *
 * <pre>
 * CREATE TABLE outbox (
 *     id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
 *     topic           VARCHAR(100) NOT NULL,
 *     message_key     VARCHAR(100) NOT NULL,
 *     payload         LONGTEXT     NOT NULL,
 *     created_at      TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
 *     attempts        INT          NOT NULL DEFAULT 0,
 *     next_attempt_at TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
 *     parked_at       TIMESTAMP(3) NULL,
 *     last_error      VARCHAR(500) NULL,
 *     KEY ix_outbox_due (parked_at, next_attempt_at)
 * );
 * </pre>
 */
public class Outbox {

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final OutboxRelay relay;

    Outbox(JdbcTemplate jdbc, ObjectMapper json, OutboxRelay relay) {
        this.jdbc = jdbc;
        this.json = json;
        this.relay = relay;
    }

    /** Adds a message to the current transaction; there must be one. Payload becomes JSON. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void add(String topic, String key, Object payload) {
        addAll(topic, List.of(new Message(key, payload)));
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void addAll(String topic, List<Message> messages) {
        jdbc.batchUpdate(
                "INSERT INTO outbox (topic, message_key, payload) VALUES (?, ?, ?)",
                messages.stream()
                        .map(m -> new Object[] {topic, m.key(), toJson(m.payload())})
                        .toList());
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    relay.wake();
                }
            });
        }
    }

    private String toJson(Object payload) {
        try {
            return json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "cannot write " + payload.getClass().getName() + " as JSON", e);
        }
    }

    public record Message(String key, Object payload) {}
}
