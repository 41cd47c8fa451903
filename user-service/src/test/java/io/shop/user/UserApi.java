package io.shop.user;

import io.shop.support.identity.Passports;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * Calls the in-process service over HTTP as the gateway would: with {@code X-Shop-User-Id} for a
 * signed-in user, without it for a public call. Answers every status as is, never throws.
 */
public final class UserApi {

    private final RestClient http;

    public UserApi(int port) {
        this.http = RestClient.builder()
                .baseUrl("http://127.0.0.1:" + port)
                .requestFactory(new JdkClientHttpRequestFactory())
                .build();
    }

    public ResponseEntity<String> get(String path, Long userId) {
        return call(HttpMethod.GET, path, userId, null);
    }

    public ResponseEntity<String> post(String path, Long userId, Object body) {
        return call(HttpMethod.POST, path, userId, body);
    }

    public ResponseEntity<String> put(String path, Long userId, Object body) {
        return call(HttpMethod.PUT, path, userId, body);
    }

    public ResponseEntity<String> patch(String path, Long userId, Object body) {
        return call(HttpMethod.PATCH, path, userId, body);
    }

    public ResponseEntity<String> delete(String path, Long userId) {
        return call(HttpMethod.DELETE, path, userId, null);
    }

    public ResponseEntity<String> call(HttpMethod method, String path, Long userId, Object body) {
        var request = http.method(method).uri(path).headers(h -> {
            if (userId != null) {
                h.set(
                        Passports.HEADER,
                        Passports.Issuer.ofGatewayFromEnvironment().issue(String.valueOf(userId), "customer"));
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
