package io.shop.support.outbox;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.rocketmq.common.message.MessageConst;
import org.apache.rocketmq.spring.core.RocketMQTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the outbox's messages to RocketMQ and deletes each once the broker took it: right after a
 * commit that added some, and every poll interval for whatever is left (a broker that was down, a
 * crash between commit and send). At least once: a crash between the send and the delete sends a
 * message again, so consumers are idempotent. Rows are claimed with {@code SKIP LOCKED}, so several
 * instances share the work instead of sending the same rows.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final int BATCH = 200;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final RocketMQTemplate rocketMq;
    private final Duration pollInterval;
    private final AtomicBoolean wakePending = new AtomicBoolean();
    private ScheduledExecutorService worker;

    OutboxRelay(JdbcClient jdbc, TransactionTemplate transactions, RocketMQTemplate rocketMq, Duration pollInterval) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.rocketMq = rocketMq;
        this.pollInterval = pollInterval;
    }

    /** Asks for a relay run soon; several wakes before it runs make one run. */
    void wake() {
        if (worker != null && wakePending.compareAndSet(false, true)) {
            worker.execute(this::drain);
        }
    }

    /** Sends batches until the outbox is empty or the broker refuses; returns how many were sent. */
    int drain() {
        wakePending.set(false);
        int sent = 0;
        try {
            int batch;
            do {
                batch = transactions.execute(status -> sendBatch());
                sent += batch;
            } while (batch == BATCH);
        } catch (RuntimeException e) {
            log.warn("outbox relay paused, retrying in {}: {}", pollInterval, e.toString());
        }
        return sent;
    }

    private int sendBatch() {
        List<Row> rows = jdbc.sql("SELECT id, topic, message_key, payload FROM outbox ORDER BY id LIMIT ?"
                        + " FOR UPDATE SKIP LOCKED")
                .param(BATCH)
                .query(Row.class)
                .list();
        for (Row row : rows) {
            rocketMq.syncSend(
                    row.topic(),
                    MessageBuilder.withPayload(row.payload())
                            .setHeader(MessageConst.PROPERTY_KEYS, row.messageKey())
                            .build());
            jdbc.sql("DELETE FROM outbox WHERE id = ?").param(row.id()).update();
        }
        return rows.size();
    }

    @Override
    public void start() {
        worker = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "outbox-relay"));
        worker.scheduleWithFixedDelay(this::drain, 0, pollInterval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        worker.shutdown();
        try {
            worker.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        worker = null;
    }

    @Override
    public boolean isRunning() {
        return worker != null;
    }

    record Row(long id, String topic, String messageKey, String payload) {}
}
