package io.shop.gateway;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.shop.api.auth.IdentityHeaders;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A customer's whole account journey through the in-process gateway, against the running
 * user-service and auth-service (found in ZooKeeper), the real JWK set and Redis: nothing is stood
 * in for.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
class AccountJourneyIT {

    private static final String PASSWORD = "correct-horse-42";

    @Autowired
    WebTestClient http;

    @Test
    void registerLoginUseRefreshAndLogOut() {
        String email = register("Ada");
        JsonNode login = login(email);
        String access = login.get("accessToken").asText();
        String refresh = login.get("refreshToken").asText();

        me(access).expectStatus().isOk().expectBody().jsonPath("$.email").isEqualTo(email);

        JsonNode refreshed = post("/api/auth/refresh", Map.of("refreshToken", refresh))
                .expectStatus()
                .isOk()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();
        String newAccess = refreshed.get("accessToken").asText();
        String newRefresh = refreshed.get("refreshToken").asText();
        me(newAccess).expectStatus().isOk();

        post("/api/auth/logout", Map.of("refreshToken", newRefresh))
                .expectStatus()
                .isNoContent();

        post("/api/auth/refresh", Map.of("refreshToken", newRefresh))
                .expectStatus()
                .isUnauthorized();
        post("/api/auth/refresh", Map.of("refreshToken", refresh))
                .expectStatus()
                .isUnauthorized();
        // the gateway learns of the revocation from Redis's invalidation message, moments after it was written
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> me(newAccess).expectStatus().isUnauthorized());
        me(access).expectStatus().isUnauthorized();
    }

    @Test
    void protectedRouteWithoutTokenIsAProblem() {
        http.get()
                .uri("/api/users/me")
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void clientSentUserIdIsIgnored() {
        String ada = register("Ada");
        String bob = register("Bob");
        long bobsId = me(login(bob).get("accessToken").asText())
                .expectStatus()
                .isOk()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody()
                .get("id")
                .asLong();
        String adasToken = login(ada).get("accessToken").asText();

        http.get()
                .uri("/api/users/me")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + adasToken)
                .header(IdentityHeaders.USER_ID, Long.toString(bobsId))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.email")
                .isEqualTo(ada);
        http.get()
                .uri("/api/users/me")
                .header(IdentityHeaders.USER_ID, Long.toString(bobsId))
                .exchange()
                .expectStatus()
                .isUnauthorized();
    }

    @Test
    void anotherUsersAddressIsNotFound() {
        String adasToken = login(register("Ada")).get("accessToken").asText();
        String bobsToken = login(register("Bob")).get("accessToken").asText();
        JsonNode address = http.post()
                .uri("/api/addresses")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + adasToken)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of(
                        "recipient", "Ada Lovelace",
                        "phone", "+441234567890",
                        "province", "Greater London",
                        "city", "London",
                        "line1", "12 St James's Square"))
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();

        http.get()
                .uri("/api/addresses/{id}", address.get("id").asLong())
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + bobsToken)
                .exchange()
                .expectStatus()
                .isNotFound();
    }

    private String register(String nickname) {
        String email = nickname.toLowerCase() + "-" + UUID.randomUUID() + "@example.org";
        // the first call may race the gateway's discovery cache warming up
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> post(
                        "/api/users", Map.of("email", email, "password", PASSWORD, "nickname", nickname))
                .expectStatus()
                .isCreated());
        return email;
    }

    private JsonNode login(String email) {
        return post("/api/auth/login", Map.of("account", email, "password", PASSWORD))
                .expectStatus()
                .isOk()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();
    }

    private WebTestClient.ResponseSpec me(String accessToken) {
        return http.get()
                .uri("/api/users/me")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + accessToken)
                .exchange();
    }

    private WebTestClient.ResponseSpec post(String path, Map<String, String> body) {
        return http.post()
                .uri(path)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange();
    }
}
