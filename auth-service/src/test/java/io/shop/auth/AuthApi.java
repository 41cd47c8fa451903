package io.shop.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jwt.SignedJWT;
import io.shop.api.auth.AccessTokens;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.redisson.api.RedissonClient;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Drives auth-service over HTTP as a client behind the gateway would, registers users through the
 * real user-service, and removes every account and Redis key the test caused.
 */
public final class AuthApi {

    public static final String PASSWORD = "correct-horse-42";
    private static final String USER_SERVICE =
            "http://127.0.0.1:" + System.getenv().getOrDefault("USER_HTTP_PORT", "8081");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final TestRestTemplate http;
    private final RedissonClient redis;
    private final JdbcClient jdbc;
    private final List<String> emails = new ArrayList<>();
    private final List<String> refreshTokens = new ArrayList<>();
    private final List<String> sessionIds = new ArrayList<>();

    public AuthApi(TestRestTemplate http, RedissonClient redis, JdbcClient jdbc) {
        // Apache HttpClient (the default) silently waits out a 429's Retry-After; HttpURLConnection
        // drops the body of a 401
        this.http = new TestRestTemplate(new RestTemplateBuilder()
                .requestFactoryBuilder(ClientHttpRequestFactoryBuilder.jdk())
                .rootUri(http.getRootUri()));
        this.redis = redis;
        this.jdbc = jdbc;
    }

    /** A new customer account with {@link #PASSWORD}; returns its email. */
    public String registerUser() {
        String email = "auth-it-" + UUID.randomUUID().toString().substring(0, 12) + "@example.org";
        emails.add(email);
        ResponseEntity<String> created = http.postForEntity(
                USER_SERVICE + "/api/users",
                Map.of("email", email, "password", PASSWORD, "nickname", "Auth IT"),
                String.class);
        assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(HttpStatus.CREATED);
        return email;
    }

    public ResponseEntity<String> login(String account, String password, String clientIp) {
        var headers = new HttpHeaders();
        // a client-sent address first, then the one the gateway appends: only the last one counts
        headers.set("X-Forwarded-For", "198.51.100.7, " + clientIp);
        return track(http.postForEntity(
                "/api/auth/login",
                new HttpEntity<>(Map.of("account", account, "password", password), headers),
                String.class));
    }

    /** Logs in successfully and returns the token pair. */
    public JsonNode logIn(String email) {
        ResponseEntity<String> response = login(email, PASSWORD, "192.0.2.10");
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
        return json(response);
    }

    public ResponseEntity<String> refresh(String refreshToken) {
        return track(http.postForEntity("/api/auth/refresh", Map.of("refreshToken", refreshToken), String.class));
    }

    public ResponseEntity<String> logout(String refreshToken) {
        return http.postForEntity("/api/auth/logout", Map.of("refreshToken", refreshToken), String.class);
    }

    public boolean sessionMarkedRevoked(String accessToken) {
        return redis.getBucket(AccessTokens.REVOKED_SESSION_KEY_PREFIX + sessionId(accessToken))
                .isExists();
    }

    public static String sessionId(String accessToken) {
        try {
            return SignedJWT.parse(accessToken).getJWTClaimsSet().getStringClaim(AccessTokens.SESSION_CLAIM);
        } catch (java.text.ParseException e) {
            throw new AssertionError("not a JWT: " + accessToken, e);
        }
    }

    public static JsonNode json(ResponseEntity<String> response) {
        try {
            return JSON.readTree(response.getBody());
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + response.getBody(), e);
        }
    }

    public void cleanUp() throws Exception {
        for (String token : refreshTokens) {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            redis.getBucket("auth:refresh-token:"
                            + Base64.getUrlEncoder().withoutPadding().encodeToString(hash))
                    .delete();
        }
        for (String sid : sessionIds) {
            redis.getBucket("auth:session:" + sid).delete();
            redis.getBucket(AccessTokens.REVOKED_SESSION_KEY_PREFIX + sid).delete();
        }
        for (String email : emails) {
            jdbc.sql("DELETE FROM shop_user.app_user WHERE email = ?")
                    .param(email)
                    .update();
        }
    }

    private synchronized ResponseEntity<String> track(ResponseEntity<String> response) {
        if (response.getStatusCode() == HttpStatus.OK) {
            JsonNode pair = json(response);
            refreshTokens.add(pair.get("refreshToken").asText());
            sessionIds.add(sessionId(pair.get("accessToken").asText()));
        }
        return response;
    }
}
