package io.shop.auth.signing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import io.shop.auth.AuthApi;
import io.shop.support.identity.Passports;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
class KeyRotationIT {

    @Autowired
    TestRestTemplate http;

    @Autowired
    RedissonClient redis;

    @Autowired
    JdbcClient jdbc;

    AuthApi api;

    @BeforeEach
    void setUp() {
        api = new AuthApi(http, redis, jdbc);
    }

    @AfterEach
    void cleanUp() throws Exception {
        api.cleanUp();
    }

    @Test
    void rotatedKeySignsNewTokensWhileTheOldOneStaysPublished() throws Exception {
        String email = api.registerUser();
        String oldKid = kidOf(api.logIn(email));

        ResponseEntity<String> rotated = rotate("customer,admin");

        assertThat(rotated.getStatusCode()).isEqualTo(HttpStatus.OK);
        String newKid = AuthApi.json(rotated).get("kid").asText();
        assertThat(newKid).isNotEqualTo(oldKid);
        assertThat(kidOf(api.logIn(email))).isEqualTo(newKid);
        JWKSet published = JWKSet.parse(http.getForObject("/.well-known/jwks.json", String.class));
        assertThat(published.getKeyByKeyId(oldKid))
                .as("old key still published")
                .isNotNull();
        assertThat(published.getKeyByKeyId(newKid)).isNotNull();
    }

    @Test
    void onlyAnAdminMayRotateKeys() {
        ResponseEntity<String> customer = rotate("customer");
        ResponseEntity<String> anonymous = http.postForEntity("/api/auth/keys/rotate", null, String.class);

        assertThat(customer.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(AuthApi.json(customer).get("code").asText()).isEqualTo("ADMIN_ROLE_REQUIRED");
        assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    private ResponseEntity<String> rotate(String roles) {
        var headers = new HttpHeaders();
        headers.set(
                Passports.HEADER, Passports.Issuer.ofGatewayFromEnvironment().issue("1", roles));
        return http.postForEntity("/api/auth/keys/rotate", new HttpEntity<>(Map.of(), headers), String.class);
    }

    private static String kidOf(JsonNode pair) throws java.text.ParseException {
        return SignedJWT.parse(pair.get("accessToken").asText()).getHeader().getKeyID();
    }
}
