package io.shop.order;

import io.shop.support.identity.Passports;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * Calls the in-process order-service over HTTP as the gateway would: with the verified identity
 * headers. Answers every status as is, never throws.
 */
public final class OrderApi {

    private final RestClient http;
    private final Passports.Issuer gateway = Passports.Issuer.ofGatewayFromEnvironment();

    public OrderApi(int port) {
        this.http = RestClient.builder()
                .baseUrl("http://127.0.0.1:" + port)
                .requestFactory(new JdkClientHttpRequestFactory())
                .build();
    }

    public ResponseEntity<String> get(String path, long userId) {
        return call(HttpMethod.GET, path, userId, "customer", null, null);
    }

    public ResponseEntity<String> post(String path, long userId, Object body) {
        return call(HttpMethod.POST, path, userId, "customer", null, body);
    }

    public ResponseEntity<String> put(String path, long userId, Object body) {
        return call(HttpMethod.PUT, path, userId, "customer", null, body);
    }

    public ResponseEntity<String> delete(String path, long userId) {
        return call(HttpMethod.DELETE, path, userId, "customer", null, null);
    }

    public ResponseEntity<String> placeOrder(long userId, String idempotencyKey, Object body) {
        return call(HttpMethod.POST, "/api/orders", userId, "customer", idempotencyKey, body);
    }

    public ResponseEntity<String> asAdmin(HttpMethod method, String path) {
        return call(method, path, 1, "customer,admin", null, null);
    }

    public ResponseEntity<String> asAdmin(HttpMethod method, String path, Object body) {
        return call(method, path, 1, "customer,admin", null, body);
    }

    /** Without any passport, as a caller the gateway did not vouch for. */
    public ResponseEntity<String> anonymous(HttpMethod method, String path) {
        return http.method(method)
                .uri(path)
                .retrieve()
                .onStatus(HttpStatusCode::isError, (req, res) -> {})
                .toEntity(String.class);
    }

    public ResponseEntity<String> call(
            HttpMethod method, String path, long userId, String roles, String idempotencyKey, Object body) {
        var request = http.method(method).uri(path).headers(h -> {
            h.set(Passports.HEADER, gateway.issue(String.valueOf(userId), roles));
            if (idempotencyKey != null) {
                h.set("Idempotency-Key", idempotencyKey);
            }
        });
        if (body != null) {
            request = request.contentType(MediaType.APPLICATION_JSON).body(body);
        }
        return request.retrieve()
                .onStatus(HttpStatusCode::isError, (req, res) -> {})
                .toEntity(String.class);
    }
}
