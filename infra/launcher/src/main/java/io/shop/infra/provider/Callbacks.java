package io.shop.infra.provider;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers an intent's events to the merchant's callback URL like a real provider: signed, at
 * least once, retried with backoff until the merchant answers 2xx, and on demand duplicated,
 * reordered, tampered with or signed too long ago. Every attempt is recorded for the intent.
 */
final class Callbacks {

    private static final Logger LOG = LoggerFactory.getLogger(Callbacks.class);
    private static final List<Duration> RETRY_DELAYS = List.of(
            Duration.ofSeconds(1),
            Duration.ofSeconds(2),
            Duration.ofSeconds(4),
            Duration.ofSeconds(8),
            Duration.ofSeconds(16),
            Duration.ofSeconds(30),
            Duration.ofSeconds(30));
    private static final Duration STALE_BY = Duration.ofMinutes(10);

    /** How one event is to be sent: honestly, with a body changed after signing, or with an old timestamp. */
    enum Variant {
        HONEST,
        TAMPERED,
        STALE
    }

    /** One event of an intent, sent as one or more deliveries. */
    record Event(String type, int sequence, Instant occurredAt, Variant variant) {}

    /** One attempt to deliver an event, as the simulator's delivery log shows it. */
    record Attempt(String eventId, String type, int sequence, String variant, int attempt, int status, String at) {}

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(4, runnable -> {
        Thread thread = new Thread(runnable, "provider-callbacks");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, List<Attempt>> attempts = new ConcurrentHashMap<>();
    private final CallbackSigner signer;
    private final Clock clock;

    Callbacks(CallbackSigner signer, Clock clock) {
        this.signer = signer;
        this.clock = clock;
    }

    /**
     * Sends the steps one after the other: every event of a step at once (duplicates race each
     * other), the next step once each of them was answered 2xx or given up.
     */
    void send(Intent intent, List<List<Event>> steps) {
        if (steps.isEmpty()) {
            return;
        }
        List<Event> step = steps.get(0);
        List<List<Event>> rest = steps.subList(1, steps.size());
        AtomicInteger open = new AtomicInteger(step.size());
        Runnable whenDone = () -> {
            if (open.decrementAndGet() == 0) {
                send(intent, rest);
            }
        };
        for (Event event : step) {
            String eventId = "evt_" + intent.intentId + "_" + event.sequence() + "_" + event.type();
            scheduler.execute(() -> attempt(intent, eventId, event, 1, whenDone));
        }
    }

    List<Attempt> attemptsOf(String intentId) {
        List<Attempt> list = attempts.get(intentId);
        if (list == null) {
            return List.of();
        }
        synchronized (list) {
            return List.copyOf(list);
        }
    }

    void stop() {
        scheduler.shutdownNow();
    }

    private void attempt(Intent intent, String eventId, Event event, int attempt, Runnable whenDone) {
        int status;
        try {
            status = deliver(intent, eventId, event);
        } catch (Exception e) {
            status = 0;
        }
        record(
                intent,
                new Attempt(
                        eventId,
                        event.type(),
                        event.sequence(),
                        event.variant().name(),
                        attempt,
                        status,
                        clock.instant().toString()));
        boolean retry = status / 100 != 2 && event.variant() == Variant.HONEST && attempt <= RETRY_DELAYS.size();
        if (retry) {
            scheduler.schedule(
                    () -> attempt(intent, eventId, event, attempt + 1, whenDone),
                    RETRY_DELAYS.get(attempt - 1).toMillis(),
                    TimeUnit.MILLISECONDS);
            return;
        }
        if (status / 100 != 2 && event.variant() == Variant.HONEST) {
            LOG.warn("gave up delivering {} to {} after {} attempts", eventId, intent.callbackUrl, attempt);
        }
        whenDone.run();
    }

    private int deliver(Intent intent, String eventId, Event event) throws Exception {
        Instant now = clock.instant();
        byte[] body = body(intent, eventId, event, intent.amountCents);
        long timestamp = (event.variant() == Variant.STALE ? now.minus(STALE_BY) : now).getEpochSecond();
        String signature = signer.sign(timestamp, body);
        if (event.variant() == Variant.TAMPERED) {
            body = body(intent, eventId, event, 1); // what an attacker would change: the amount
        }
        HttpResponse<Void> response = http.send(
                HttpRequest.newBuilder(URI.create(intent.callbackUrl))
                        .timeout(Duration.ofSeconds(10))
                        .header("Content-Type", "application/json")
                        .header("X-Provider-Timestamp", Long.toString(timestamp))
                        .header("X-Provider-Signature", signature)
                        .header("X-Provider-Delivery", UUID.randomUUID().toString())
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                        .build(),
                HttpResponse.BodyHandlers.discarding());
        return response.statusCode();
    }

    private byte[] body(Intent intent, String eventId, Event event, long amountCents) throws Exception {
        ObjectNode body = json.createObjectNode()
                .put("eventId", eventId)
                .put("type", event.type())
                .put("intentId", intent.intentId)
                .put("merchantRef", intent.merchantRef)
                .put("amountCents", amountCents)
                .put("sequence", event.sequence())
                .put("occurredAt", event.occurredAt().toString());
        return json.writeValueAsBytes(body);
    }

    private void record(Intent intent, Attempt attempt) {
        List<Attempt> list =
                attempts.computeIfAbsent(intent.intentId, id -> Collections.synchronizedList(new ArrayList<>()));
        list.add(attempt);
    }
}
