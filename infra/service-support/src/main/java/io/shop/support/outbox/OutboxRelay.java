package io.shop.support.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.shop.support.outbox.OutboxTable.Backlog;
import io.shop.support.outbox.OutboxTable.Row;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.spring.core.RocketMQTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Sends the outbox's messages to RocketMQ and deletes each once the broker took it: right after a
 * commit that added some, and every poll interval for whatever is left (a broker that was down, a
 * crash between commit and send). At least once: a crash between the send and the delete sends a
 * message again, so consumers are idempotent.
 *
 * <p>Rows are claimed for a while in a short transaction of their own and sent outside it, so no
 * database transaction waits on the broker, several instances share the work, and a relay that
 * died gives its rows back when the claim times out. A message the broker or client refuses is
 * tried again later, with a growing wait, and parked after {@code maxAttempts} refusals; the rows
 * behind it go on. While the broker cannot be reached nothing is counted against any message.
 *
 * <p>Metrics: {@code outbox.backlog} (waiting), {@code outbox.parked}, {@code outbox.oldest.age}
 * (seconds the oldest waiting message has waited), {@code outbox.sent}, {@code outbox.refused}.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final OutboxTable table;
    private final RocketMQTemplate rocketMq;
    private final OutboxSettings settings;
    private final AtomicBoolean wakePending = new AtomicBoolean();
    private final AtomicReference<Backlog> backlog = new AtomicReference<>(new Backlog(0, 0, 0));
    private final Counter sent;
    private final Counter refused;
    private ScheduledExecutorService worker;

    OutboxRelay(OutboxTable table, RocketMQTemplate rocketMq, OutboxSettings settings, MeterRegistry meters) {
        this.table = table;
        this.rocketMq = rocketMq;
        this.settings = settings;
        Gauge.builder("outbox.backlog", backlog, b -> b.get().waiting()).register(meters);
        Gauge.builder("outbox.parked", backlog, b -> b.get().parked()).register(meters);
        Gauge.builder("outbox.oldest.age", backlog, b -> b.get().oldestAgeSeconds())
                .baseUnit("seconds")
                .register(meters);
        this.sent = meters.counter("outbox.sent");
        this.refused = meters.counter("outbox.refused");
    }

    /** Asks for a relay run soon; several wakes before it runs make one run. */
    void wake() {
        if (worker != null && wakePending.compareAndSet(false, true)) {
            worker.execute(this::drain);
        }
    }

    /** Sends claimed batches until none is due or the broker is away; returns how many were sent. */
    int drain() {
        wakePending.set(false);
        int delivered = 0;
        try {
            List<Row> rows;
            do {
                rows = table.claim(settings.batchSize(), settings.claimTimeout());
                for (int i = 0; i < rows.size(); i++) {
                    SendOutcome outcome = send(rows.get(i));
                    if (outcome == SendOutcome.BROKER_AWAY) {
                        table.release(rows.subList(i, rows.size()).stream()
                                .map(Row::id)
                                .toList());
                        return delivered;
                    }
                    if (outcome == SendOutcome.SENT) {
                        delivered++;
                    }
                }
            } while (rows.size() == settings.batchSize());
        } catch (RuntimeException e) {
            log.warn("outbox relay paused, retrying in {}: {}", settings.pollInterval(), e.toString());
        } finally {
            refreshBacklog();
        }
        return delivered;
    }

    /** What the relay's metrics show: read once per run. */
    Backlog backlog() {
        return backlog.get();
    }

    private SendOutcome send(Row row) {
        Message message = new Message(row.topic(), row.payload().getBytes(StandardCharsets.UTF_8));
        message.setKeys(row.messageKey());
        SendOutcome outcome;
        String error;
        try {
            SendStatus status = rocketMq.getProducer().send(message).getSendStatus();
            outcome = status == SendStatus.SEND_OK ? SendOutcome.SENT : SendOutcome.BROKER_AWAY;
            error = "broker answered " + status;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            outcome = SendOutcome.BROKER_AWAY;
            error = e.toString();
        } catch (Exception e) {
            outcome = SendOutcome.of(e);
            error = e.toString();
        }
        switch (outcome) {
            case SENT -> {
                table.delete(row.id());
                sent.increment();
            }
            case REFUSED -> refused(row, error);
            case BROKER_AWAY -> log.warn("outbox relay waits for the broker: {}", error);
        }
        return outcome;
    }

    private void refused(Row row, String error) {
        refused.increment();
        int attempts = row.attempts() + 1;
        if (attempts >= settings.maxAttempts()) {
            table.park(row.id(), error);
            log.error(
                    "outbox message {} ({}, key {}) parked after {} refusals: {}",
                    row.id(),
                    row.topic(),
                    row.messageKey(),
                    attempts,
                    error);
        } else {
            table.retryLater(row.id(), settings.retryAfter(attempts), error);
            log.warn("outbox message {} refused ({} of {}): {}", row.id(), attempts, settings.maxAttempts(), error);
        }
    }

    private void refreshBacklog() {
        try {
            backlog.set(table.backlog());
        } catch (RuntimeException e) {
            log.debug("outbox backlog not read: {}", e.toString());
        }
    }

    @Override
    public void start() {
        worker = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "outbox-relay"));
        worker.scheduleWithFixedDelay(this::drain, 0, settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
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
}
