package io.shop.auth.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.shop.auth.AuthApi;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
class RefreshTokenIT {

    @Autowired
    TestRestTemplate http;

    @Autowired
    RedissonClient redis;

    @Autowired
    JdbcClient jdbc;

    AuthApi api;
    JsonNode login;

    @BeforeEach
    void logIn() {
        api = new AuthApi(http, redis, jdbc);
        login = api.logIn(api.registerUser());
    }

    @AfterEach
    void cleanUp() throws Exception {
        api.cleanUp();
    }

    @Test
    void refreshIssuesANewPairAndTheOldTokenNoLongerWorks() {
        String first = login.get("refreshToken").asText();

        ResponseEntity<String> refreshed = api.refresh(first);

        assertThat(refreshed.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode pair = AuthApi.json(refreshed);
        assertThat(pair.get("refreshToken").asText()).isNotEqualTo(first);
        assertThat(AuthApi.sessionId(pair.get("accessToken").asText()))
                .isEqualTo(AuthApi.sessionId(login.get("accessToken").asText()));
        assertThat(api.refresh(first).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void reusingARotatedTokenRevokesTheWholeSession() {
        String first = login.get("refreshToken").asText();
        String newest = AuthApi.json(api.refresh(first)).get("refreshToken").asText();

        ResponseEntity<String> replay = api.refresh(first);

        assertThat(replay.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(AuthApi.json(replay).get("code").asText()).isEqualTo("INVALID_REFRESH_TOKEN");
        assertThat(api.refresh(newest).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(api.sessionMarkedRevoked(login.get("accessToken").asText())).isTrue();
    }

    @Test
    void logoutEndsTheSession() {
        String refreshToken = login.get("refreshToken").asText();

        ResponseEntity<String> logout = api.logout(refreshToken);

        assertThat(logout.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(api.refresh(refreshToken).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(api.sessionMarkedRevoked(login.get("accessToken").asText())).isTrue();
    }

    @Test
    void concurrentRefreshesWithOneTokenLetExactlyOneThrough() {
        String refreshToken = login.get("refreshToken").asText();
        var start = new CountDownLatch(1);

        List<CompletableFuture<HttpStatusCode>> attempts = IntStream.range(0, 4)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> {
                    awaitQuietly(start);
                    return api.refresh(refreshToken).getStatusCode();
                }))
                .toList();
        start.countDown();

        List<HttpStatusCode> outcomes =
                attempts.stream().map(CompletableFuture::join).toList();
        assertThat(outcomes).filteredOn(HttpStatus.OK::equals).hasSize(1);
        assertThat(outcomes).filteredOn(HttpStatus.UNAUTHORIZED::equals).hasSize(3);
    }

    @Test
    void unknownRefreshTokenIsRefused() {
        ResponseEntity<String> response = api.refresh(RefreshTokens.generate());

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(AuthApi.json(response).get("code").asText()).isEqualTo("INVALID_REFRESH_TOKEN");
    }

    @Test
    void missingRefreshTokenIsABadRequestNamingTheField() {
        ResponseEntity<String> response = http.postForEntity("/api/auth/refresh", java.util.Map.of(), String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(AuthApi.json(response).get("errors").get(0).get("field").asText())
                .isEqualTo("refreshToken");
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
