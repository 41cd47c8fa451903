package io.shop.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;

/**
 * The gateway's edge on a random port, with no registry and no Sentinel: requests too large,
 * undecodable or rejected by the firewall are problem bodies. {@code /test-upload} (outside
 * {@code /api}, so no token is asked for) leads to a local server that reads the whole body.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.cloud.zookeeper.enabled=false",
            "spring.cloud.sentinel.enabled=false",
            "shop.gateway.jwks-load-balanced=false",
            "shop.gateway.jwks-uri=http://127.0.0.1:9/never-fetched",
            "shop.gateway.edge.max-request-body=1MB"
        })
class GatewayEdgeTest {

    private static final int ONE_MB = 1024 * 1024;
    private static final HttpServer UPLOADS = uploads();

    @LocalServerPort
    int port;

    @AfterAll
    static void stopUploads() {
        UPLOADS.stop(0);
    }

    @Test
    void announcedBodyOverTheLimitIsAPayloadTooLargeProblemBeforeTheTokenIsChecked() throws IOException {
        RawHttp.Response response =
                raw().send(post("/api/orders", 12 * ONE_MB) + "\r\nExpect: 100-continue", new byte[0]);

        assertThat(response.status()).isEqualTo(413);
        assertProblem(response, 413, "PAYLOAD_TOO_LARGE");
        assertThat(response.body()).contains("\"instance\":\"/api/orders\"").contains("\"requestId\"");
        assertThat(response.header("Connection")).isEqualToIgnoringCase("close");
    }

    @Test
    void announcedBodyOverTheLimitIsRefusedEvenWhileTheClientKeepsSending() throws IOException {
        RawHttp.Response response = raw().send(post("/api/auth/login", 12 * ONE_MB), new byte[256 * 1024]);

        assertProblem(response, 413, "PAYLOAD_TOO_LARGE");
    }

    @Test
    void chunkedBodyOverTheLimitIsAPayloadTooLargeProblem() throws IOException {
        RawHttp.Response response = raw().send(chunkedPost("/test-upload"), chunked(2 * ONE_MB));

        assertProblem(response, 413, "PAYLOAD_TOO_LARGE");
    }

    @Test
    void bodyUnderTheLimitReachesTheService() throws IOException {
        RawHttp.Response response = raw().send(chunkedPost("/test-upload"), chunked(ONE_MB / 2));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("received=" + ONE_MB / 2);
    }

    @Test
    void overlongRequestLineIsAUriTooLongProblem() throws IOException {
        String query = "q=" + "a".repeat(9_000);
        RawHttp.Response response =
                raw().send("GET /api/search?" + query + " HTTP/1.1\r\nHost: shop\r\nConnection: close", new byte[0]);

        assertProblem(response, 414, "URI_TOO_LONG");
    }

    @Test
    void oversizedHeadersAreARequestHeaderFieldsTooLargeProblem() throws IOException {
        RawHttp.Response response = raw().send(
                        "GET /api/products/1 HTTP/1.1\r\nHost: shop\r\nX-Padding: " + "b".repeat(9_000), new byte[0]);

        assertProblem(response, 431, "REQUEST_HEADER_FIELDS_TOO_LARGE");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/api/products/1%00",
                "/api/products/..%2f..%2fadmin%2fproducts",
                "/api/products/1;jsessionid=x",
                "/api/products/%2e%2e/admin",
                "/api/products/1%5c..",
                "/api//admin/products"
            })
    void pathsAServiceCouldReadOtherwiseAreRejectedAsProblems(String path) throws IOException {
        RawHttp.Response response =
                raw().send("GET " + path + " HTTP/1.1\r\nHost: shop\r\nConnection: close", new byte[0]);

        assertProblem(response, 400, "REQUEST_REJECTED");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/products/%zz", "/api/search?q=%", "/api/search?q=a b"})
    void requestTargetThatIsNoUriIsAMalformedRequestProblem(String target) throws IOException {
        RawHttp.Response response =
                raw().send("GET " + target + " HTTP/1.1\r\nHost: shop\r\nConnection: close", new byte[0]);

        assertProblem(response, 400, "MALFORMED_REQUEST");
    }

    @Test
    void methodOutsideTheStorefrontsIsRejectedAsAProblem() throws IOException {
        RawHttp.Response response =
                raw().send("TRACE /api/products/1 HTTP/1.1\r\nHost: shop\r\nConnection: close", new byte[0]);

        assertProblem(response, 400, "REQUEST_REJECTED");
    }

    private static void assertProblem(RawHttp.Response response, int status, String code) {
        assertThat(response.status())
                .as(response.headers() + "\n" + response.body())
                .isEqualTo(status);
        assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(response.body())
                .contains("\"status\":" + status)
                .contains("\"code\":\"" + code + "\"")
                .contains("\"type\":\"urn:shop:problem:" + code.toLowerCase().replace('_', '-') + "\"");
    }

    private RawHttp raw() {
        return new RawHttp(port);
    }

    private static String post(String path, long contentLength) {
        return "POST " + path + " HTTP/1.1\r\nHost: shop\r\nContent-Type: application/json\r\nContent-Length: "
                + contentLength;
    }

    private static String chunkedPost(String path) {
        return "POST " + path
                + " HTTP/1.1\r\nHost: shop\r\nContent-Type: application/octet-stream\r\nTransfer-Encoding: chunked\r\nConnection: close";
    }

    /** {@code total} bytes in 64 KB chunks, then the last chunk. */
    private static byte[] chunked(int total) {
        var out = new java.io.ByteArrayOutputStream();
        int chunk = 64 * 1024;
        for (int sent = 0; sent < total; sent += chunk) {
            int size = Math.min(chunk, total - sent);
            out.writeBytes((Integer.toHexString(size) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.writeBytes(new byte[size]);
            out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    private static HttpServer uploads() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/test-upload", exchange -> {
                long received = exchange.getRequestBody().readAllBytes().length;
                byte[] body = ("received=" + received).getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.setExecutor(Executors.newFixedThreadPool(2));
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @TestConfiguration
    static class UploadRoute {

        @Bean
        RouteLocator uploadRoute(RouteLocatorBuilder routes) {
            return routes.routes()
                    .route("test-upload", r -> r.path("/test-upload")
                            .uri("http://127.0.0.1:" + UPLOADS.getAddress().getPort()))
                    .build();
        }
    }
}
