package io.shop.user.account;

import static io.shop.user.account.RegistrationIT.registration;
import static io.shop.user.account.RegistrationIT.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import io.shop.user.UserApi;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.client.RestClient;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
class MyProfileIT {

    @LocalServerPort
    int port;

    UserApi api;
    String email;
    long userId;

    @BeforeEach
    void registeredUser() {
        api = new UserApi(port);
        email = uniqueEmail();
        var created = api.post("/api/users", null, registration(email, null, "tea-time-1843"));
        userId = ((Number) JsonPath.read(created.getBody(), "$.id")).longValue();
    }

    @Test
    void signedInUserReadsTheirProfile() {
        var response = api.get("/api/users/me", userId);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(((Number) JsonPath.read(response.getBody(), "$.id")).longValue())
                .isEqualTo(userId);
        assertThat((String) JsonPath.read(response.getBody(), "$.email")).isEqualTo(email);
        assertThat(response.getBody()).doesNotContainIgnoringCase("password");
    }

    @Test
    void profileWithoutIdentityIsUnauthenticated() {
        var response = api.get("/api/users/me", null);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody()).contains("\"code\":\"UNAUTHENTICATED\"");
    }

    @Test
    void profileWithAMalformedIdentityIsUnauthenticated() {
        var response = RestClient.builder()
                .requestFactory(new JdkClientHttpRequestFactory())
                .build()
                .get()
                .uri("http://127.0.0.1:" + port + "/api/users/me")
                .header("X-Shop-User-Id", "1 OR 1=1")
                .header(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON_VALUE)
                .retrieve()
                .onStatus(s -> true, (req, res) -> {})
                .toEntity(String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(response.getBody()).contains("\"code\":\"UNAUTHENTICATED\"");
    }

    @Test
    void signedInUserChangesTheirNickname() {
        var response = api.patch("/api/users/me", userId, Map.of("nickname", "Countess"));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat((String) JsonPath.read(response.getBody(), "$.nickname")).isEqualTo("Countess");
        assertThat((String) JsonPath.read(api.get("/api/users/me", userId).getBody(), "$.nickname"))
                .isEqualTo("Countess");
    }

    @Test
    void nicknameChangeWithoutIdentityIsUnauthenticatedAndChangesNothing() {
        var response = api.call(HttpMethod.PATCH, "/api/users/me", null, Map.of("nickname", "Mallory"));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat((String) JsonPath.read(api.get("/api/users/me", userId).getBody(), "$.nickname"))
                .isEqualTo("Ada");
    }

    @Test
    void blankNicknameIsABadRequestNamingNickname() {
        var response = api.patch("/api/users/me", userId, Map.of("nickname", " "));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody()).contains("\"field\":\"nickname\"");
    }
}
