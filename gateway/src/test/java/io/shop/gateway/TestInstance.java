package io.shop.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A service instance on a loopback port that is ready (its readiness check answers UP) and then
 * either answers every request with its method and body ({@link #echoing()}) or drops the
 * connection of every request without an answer ({@link #dropping()}), as an instance that dies
 * mid-request does. Counts the requests it took, readiness checks aside.
 */
final class TestInstance implements AutoCloseable {

    private final HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();

    private TestInstance(boolean answers) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/actuator/health/readiness", exchange -> respond(exchange, "{\"status\":\"UP\"}"));
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (answers) {
                respond(exchange, exchange.getRequestMethod() + " " + body);
            } else {
                // no status line: the connection closes under the caller
                exchange.close();
            }
        });
        server.start();
    }

    static TestInstance echoing() throws IOException {
        return new TestInstance(true);
    }

    static TestInstance dropping() throws IOException {
        return new TestInstance(false);
    }

    int port() {
        return server.getAddress().getPort();
    }

    int requests() {
        return requests.get();
    }

    private static void respond(HttpExchange exchange, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, bytes.length);
        try (var out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
