package io.shop.infra.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.shop.infra.provider.Callbacks.Event;
import io.shop.infra.provider.Callbacks.Variant;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An external payment provider for local runs and tests, speaking a real protocol over HTTP on
 * 127.0.0.1: the merchant creates an intent and gets a pay URL ({@code POST /v1/intents}), the
 * customer pays or declines on it ({@code POST /pay/{id}}), the provider tells the merchant through
 * signed callbacks, expires unpaid intents, and refunds paid ones ({@code POST /v1/refunds}). The
 * merchant's calls carry the shared secret as {@code X-Api-Key}. State lives in memory.
 */
public final class PaymentProviderSimulator {

    private static final Logger LOG = LoggerFactory.getLogger(PaymentProviderSimulator.class);
    private static final Pattern PAY_PATH = Pattern.compile("/pay/([A-Za-z0-9_]+)(/expire|/deliveries)?");
    private static final int MAX_DUPLICATES = 20;

    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, Intent> intents = new ConcurrentHashMap<>();
    private final Map<String, Intent> intentsByMerchantRef = new ConcurrentHashMap<>();
    private final byte[] apiKey;
    private final Callbacks callbacks;
    private final Clock clock;
    private final ScheduledExecutorService expiry = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "provider-expiry");
        thread.setDaemon(true);
        return thread;
    });
    private final int port;
    private HttpServer server;

    public PaymentProviderSimulator(int port, String secret, Clock clock) {
        this.port = port;
        this.apiKey = secret.getBytes(StandardCharsets.UTF_8);
        this.callbacks = new Callbacks(new CallbackSigner(secret), clock);
        this.clock = clock;
    }

    public void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/health", exchange -> respond(exchange, 200, Map.of("status", "UP")));
        server.createContext("/v1/intents", this::guarded);
        server.createContext("/v1/refunds", this::guarded);
        server.createContext("/pay/", this::payPage);
        server.start();
        expiry.scheduleWithFixedDelay(this::expireDue, 1, 1, TimeUnit.SECONDS);
    }

    /** Where the simulator answers, once it does. */
    public String awaitReady(Duration timeout) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        URI health = URI.create("http://127.0.0.1:" + port + "/health");
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                if (http.send(HttpRequest.newBuilder(health).build(), HttpResponse.BodyHandlers.discarding())
                                .statusCode()
                        == 200) {
                    return "http://127.0.0.1:" + port;
                }
            } catch (IOException notYet) {
                if (System.nanoTime() > deadline) {
                    throw notYet;
                }
            }
            Thread.sleep(100);
        }
    }

    public void stop() {
        expiry.shutdownNow();
        callbacks.stop();
        if (server != null) {
            server.stop(0);
        }
    }

    private void guarded(HttpExchange exchange) throws IOException {
        try (exchange) {
            String key = exchange.getRequestHeaders().getFirst("X-Api-Key");
            if (key == null || !MessageDigest.isEqual(apiKey, key.getBytes(StandardCharsets.UTF_8))) {
                respond(exchange, 401, Map.of("error", "invalid api key"));
                return;
            }
            if (!"POST".equals(exchange.getRequestMethod())) {
                respond(exchange, 405, Map.of("error", "POST only"));
                return;
            }
            JsonNode body = json.readTree(exchange.getRequestBody());
            if (exchange.getRequestURI().getPath().equals("/v1/intents")) {
                createIntent(exchange, body);
            } else {
                refund(exchange, body);
            }
        } catch (IOException | RuntimeException e) {
            respond(exchange, 400, Map.of("error", String.valueOf(e.getMessage())));
        }
    }

    /** Idempotent by the merchant's reference: the same payment gets the same intent. */
    private void createIntent(HttpExchange exchange, JsonNode body) throws IOException {
        String merchantRef = body.path("merchantRef").asText("");
        long amount = body.path("amountCents").asLong(0);
        String callbackUrl = body.path("callbackUrl").asText("");
        Instant expiresAt = Instant.parse(body.path("expiresAt").asText());
        if (merchantRef.isBlank() || amount <= 0 || !callbackUrl.startsWith("http")) {
            respond(exchange, 400, Map.of("error", "merchantRef, amountCents > 0 and callbackUrl are required"));
            return;
        }
        Intent intent = intentsByMerchantRef.computeIfAbsent(merchantRef, ref -> {
            Intent created = new Intent(
                    "pi_" + UUID.randomUUID().toString().replace("-", ""), ref, amount, callbackUrl, expiresAt);
            intents.put(created.intentId, created);
            return created;
        });
        respond(exchange, 201, view(intent));
    }

    private void refund(HttpExchange exchange, JsonNode body) throws IOException {
        Intent intent = intents.get(body.path("intentId").asText(""));
        String refundRef = body.path("refundRef").asText("");
        if (intent == null || refundRef.isBlank()) {
            respond(exchange, 404, Map.of("error", "no such intent"));
        } else if (intent.refund(refundRef)) {
            LOG.info("refunded {} ({} cents)", intent.intentId, intent.amountCents);
            respond(exchange, 200, Map.of("refundId", "re_" + refundRef, "status", "succeeded"));
        } else {
            respond(exchange, 409, Map.of("error", "intent is " + intent.status()));
        }
    }

    /**
     * The customer's side: {@code GET /pay/{id}} shows the intent, {@code POST /pay/{id}} with
     * {@code {"outcome":"succeed"|"fail","duplicates":n,"reorder":b,"tamper":b,"stale":b}} pays or
     * declines it, {@code POST /pay/{id}/expire} lets it run out now, {@code GET
     * /pay/{id}/deliveries} lists every callback attempt and the merchant's answer.
     */
    private void payPage(HttpExchange exchange) throws IOException {
        try (exchange) {
            Matcher path = PAY_PATH.matcher(exchange.getRequestURI().getPath());
            Intent intent = path.matches() ? intents.get(path.group(1)) : null;
            if (intent == null) {
                respond(exchange, 404, Map.of("error", "no such intent"));
                return;
            }
            String action = path.group(2);
            boolean post = "POST".equals(exchange.getRequestMethod());
            if (action == null && !post) {
                respond(exchange, 200, view(intent));
            } else if ("/deliveries".equals(action)) {
                respond(exchange, 200, callbacks.attemptsOf(intent.intentId));
            } else if ("/expire".equals(action) && post) {
                end(exchange, intent, Intent.Status.EXPIRED, json.createObjectNode());
            } else if (action == null) {
                JsonNode choice = json.readTree(exchange.getRequestBody());
                String outcome = choice.path("outcome").asText("succeed");
                end(exchange, intent, "fail".equals(outcome) ? Intent.Status.FAILED : Intent.Status.SUCCEEDED, choice);
            } else {
                respond(exchange, 405, Map.of("error", "method not allowed"));
            }
        } catch (IOException | RuntimeException e) {
            respond(exchange, 400, Map.of("error", String.valueOf(e.getMessage())));
        }
    }

    private void end(HttpExchange exchange, Intent intent, Intent.Status outcome, JsonNode choice) throws IOException {
        if (outcome != Intent.Status.EXPIRED && clock.instant().isAfter(intent.expiresAt)) {
            intent.end(Intent.Status.EXPIRED);
        }
        if (!intent.end(outcome)) {
            respond(exchange, 409, Map.of("error", "intent is " + intent.status()));
            return;
        }
        callbacks.send(intent, steps(intent, outcome, choice));
        respond(exchange, 202, view(intent));
    }

    /**
     * The events of an ended intent: "processing" (the customer started paying), then the outcome.
     * On demand the outcome is delivered several times at once, before "processing", and followed
     * by a tampered and a stale copy.
     */
    private List<List<Event>> steps(Intent intent, Intent.Status outcome, JsonNode choice) {
        Instant now = clock.instant();
        Event processing = new Event("payment.processing", intent.nextSequence(), now, Variant.HONEST);
        String type = "payment." + outcome.name().toLowerCase(java.util.Locale.ROOT);
        Event last = new Event(type, intent.nextSequence(), now, Variant.HONEST);
        int duplicates = Math.min(Math.max(choice.path("duplicates").asInt(0), 0), MAX_DUPLICATES);
        List<Event> outcomeStep = new ArrayList<>();
        for (int i = 0; i <= duplicates; i++) {
            outcomeStep.add(last);
        }
        List<List<Event>> steps = new ArrayList<>();
        if (outcome == Intent.Status.EXPIRED) {
            steps.add(outcomeStep);
        } else if (choice.path("reorder").asBoolean(false)) {
            steps.add(outcomeStep);
            steps.add(List.of(processing));
        } else {
            steps.add(List.of(processing));
            steps.add(outcomeStep);
        }
        if (choice.path("tamper").asBoolean(false)) {
            steps.add(List.of(new Event(type, last.sequence(), now, Variant.TAMPERED)));
        }
        if (choice.path("stale").asBoolean(false)) {
            steps.add(List.of(new Event(type, last.sequence(), now, Variant.STALE)));
        }
        return steps;
    }

    private void expireDue() {
        Instant now = clock.instant();
        for (Intent intent : intents.values()) {
            if (intent.status() == Intent.Status.PENDING
                    && now.isAfter(intent.expiresAt)
                    && intent.end(Intent.Status.EXPIRED)) {
                callbacks.send(intent, steps(intent, Intent.Status.EXPIRED, json.createObjectNode()));
            }
        }
    }

    private Map<String, Object> view(Intent intent) {
        return Map.of(
                "intentId",
                intent.intentId,
                "merchantRef",
                intent.merchantRef,
                "amountCents",
                intent.amountCents,
                "status",
                intent.status().name(),
                "expiresAt",
                intent.expiresAt.toString(),
                "payUrl",
                "http://127.0.0.1:" + port + "/pay/" + intent.intentId);
    }

    private void respond(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = json.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
