package io.shop.user.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import io.shop.user.UserApi;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
class RegistrationIT {

    static final String PASSWORD = "tea-time-1843";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    UserApi api;

    @BeforeEach
    void api() {
        api = new UserApi(port);
    }

    @Test
    void registrationCreatesACustomerAndStoresOnlyABcryptHash() {
        String email = uniqueEmail();

        var response = api.post("/api/users", null, registration(email, null, PASSWORD));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(response.getHeaders().getLocation()).hasToString("/api/users/me");
        String body = response.getBody();
        assertThat(body).doesNotContain(PASSWORD).doesNotContainIgnoringCase("hash");
        assertThat((String) JsonPath.read(body, "$.email")).isEqualTo(email);
        assertThat((String) JsonPath.read(body, "$.nickname")).isEqualTo("Ada");
        assertThat((List<String>) JsonPath.read(body, "$.roles")).containsExactly("customer");
        String hash = jdbc.sql("SELECT password_hash FROM app_user WHERE email = ?")
                .param(email)
                .query(String.class)
                .single();
        assertThat(hash).startsWith("$2a$").isNotEqualTo(PASSWORD);
        assertThat(new BCryptPasswordEncoder().matches(PASSWORD, hash)).isTrue();
    }

    @Test
    void registrationWithAPhoneNumberNeedsNoEmail() {
        String phone = uniquePhone();

        var response = api.post("/api/users", null, registration(null, phone, PASSWORD));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat((String) JsonPath.read(response.getBody(), "$.phone")).isEqualTo(phone);
        assertThat((Object) JsonPath.read(response.getBody(), "$.email")).isNull();
    }

    @Test
    void secondRegistrationOfAnEmailIsAConflictWhateverItsCase() {
        String email = uniqueEmail();
        api.post("/api/users", null, registration(email, null, PASSWORD));

        var response = api.post("/api/users", null, registration(email.toUpperCase(), null, "other-pass-2"));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody()).contains("\"code\":\"ACCOUNT_EXISTS\"");
    }

    @Test
    void secondRegistrationOfAPhoneIsAConflict() {
        String phone = uniquePhone();
        api.post("/api/users", null, registration(null, phone, PASSWORD));

        var response = api.post("/api/users", null, registration(null, phone, PASSWORD));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(response.getBody()).contains("\"code\":\"ACCOUNT_EXISTS\"");
    }

    @Test
    void twoConcurrentRegistrationsOfOneEmailCreateOneAccount() {
        String email = uniqueEmail();
        var barrier = new CyclicBarrier(2);
        List<CompletableFuture<HttpStatus>> calls = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            calls.add(CompletableFuture.supplyAsync(() -> {
                await(barrier);
                return HttpStatus.valueOf(api.post("/api/users", null, registration(email, null, PASSWORD))
                        .getStatusCode()
                        .value());
            }));
        }

        var statuses = calls.stream().map(CompletableFuture::join).toList();

        assertThat(statuses).containsExactlyInAnyOrder(HttpStatus.CREATED, HttpStatus.CONFLICT);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM app_user WHERE email = ?")
                        .param(email)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void weakPasswordIsABadRequestNamingPassword() {
        var response = api.post("/api/users", null, registration(uniqueEmail(), null, "password"));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat((List<String>) JsonPath.read(response.getBody(), "$.errors[*].field"))
                .containsExactly("password");
        assertThat(response.getBody()).doesNotContain("\"password\":\"password\"");
    }

    @Test
    void malformedEmailIsABadRequestNamingEmail() {
        var response = api.post("/api/users", null, registration("not-an-email", null, PASSWORD));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((List<String>) JsonPath.read(response.getBody(), "$.errors[*].field"))
                .containsExactly("email");
    }

    @Test
    void registrationWithoutEmailOrPhoneIsABadRequestNamingBoth() {
        var response = api.post("/api/users", null, registration(null, null, PASSWORD));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((List<String>) JsonPath.read(response.getBody(), "$.errors[*].field"))
                .containsExactlyInAnyOrder("email", "phone");
    }

    @Test
    void numberForTheNicknameIsABadRequestNamingTheField() {
        var request = new java.util.HashMap<>(registration(uniqueEmail(), null, PASSWORD));
        request.put("nickname", -1);

        var response = api.post("/api/users", null, request);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat((String) JsonPath.read(response.getBody(), "$.code")).isEqualTo("INVALID_PARAMETER");
        assertThat((List<String>) JsonPath.read(response.getBody(), "$.errors[*].field"))
                .containsExactly("nickname");
    }

    @Test
    void rolesSentByTheClientAreIgnored() {
        var request = new java.util.HashMap<>(registration(uniqueEmail(), null, PASSWORD));
        request.put("roles", List.of("admin"));

        var response = api.post("/api/users", null, request);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat((List<String>) JsonPath.read(response.getBody(), "$.roles")).containsExactly("customer");
    }

    static Map<String, Object> registration(String email, String phone, String password) {
        var request = new java.util.HashMap<String, Object>();
        request.put("email", email);
        request.put("phone", phone);
        request.put("password", password);
        request.put("nickname", "Ada");
        return request;
    }

    static String uniqueEmail() {
        return "ada-" + UUID.randomUUID() + "@example.org";
    }

    static String uniquePhone() {
        return String.format(
                "+1%013d", java.util.concurrent.ThreadLocalRandom.current().nextLong(10_000_000_000_000L));
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
