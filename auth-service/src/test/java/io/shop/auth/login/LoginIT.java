package io.shop.auth.login;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.shop.api.auth.AccessTokens;
import io.shop.auth.AuthApi;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
class LoginIT {

    @Autowired
    TestRestTemplate http;

    @Autowired
    RedissonClient redis;

    @Autowired
    JdbcClient jdbc;

    AuthApi api;
    // Each test is its own client, so no test sees another's failure counts
    final String client = String.format(
            "2001:db8::%x:%x",
            ThreadLocalRandom.current().nextInt(0x10000),
            ThreadLocalRandom.current().nextInt(0x10000));

    @BeforeEach
    void setUp() {
        api = new AuthApi(http, redis, jdbc);
    }

    @AfterEach
    void cleanUp() throws Exception {
        api.cleanUp();
        redis.getBucket(LoginThrottle.CLIENT_PREFIX + client).delete();
    }

    @Test
    void loginIssuesAnAccessTokenThatVerifiesAgainstThePublishedKeys() throws Exception {
        String email = api.registerUser();

        JsonNode pair = AuthApi.json(api.login(email, AuthApi.PASSWORD, client));

        assertThat(pair.get("tokenType").asText()).isEqualTo("Bearer");
        assertThat(pair.get("expiresIn").asLong()).isEqualTo(900);
        assertThat(pair.get("refreshExpiresIn").asLong())
                .isEqualTo(Duration.ofDays(14).toSeconds());
        assertThat(pair.get("refreshToken").asText()).matches("[A-Za-z0-9_-]{43}");

        SignedJWT jwt = SignedJWT.parse(pair.get("accessToken").asText());
        JWKSet published = JWKSet.parse(http.getForObject("/.well-known/jwks.json", String.class));
        ECKey key = (ECKey) published.getKeyByKeyId(jwt.getHeader().getKeyID());
        assertThat(key).as("the token's kid is published").isNotNull();
        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
        assertThat(jwt.verify(new ECDSAVerifier(key))).isTrue();

        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo(AccessTokens.ISSUER);
        assertThat(claims.getAudience()).containsExactly(AccessTokens.AUDIENCE);
        assertThat(claims.getSubject()).matches("\\d+");
        assertThat(claims.getStringListClaim(AccessTokens.ROLES_CLAIM)).containsExactly("customer");
        assertThat(claims.getStringClaim(AccessTokens.SESSION_CLAIM)).isNotBlank();
        assertThat(claims.getJWTID()).isNotBlank();
        assertThat(Duration.between(
                        claims.getIssueTime().toInstant(),
                        claims.getExpirationTime().toInstant()))
                .isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void wrongPasswordIsRefusedWithoutSayingWhichPartWasWrong() {
        String email = api.registerUser();

        ResponseEntity<String> wrongPassword = api.login(email, "wrong-password-1", client);
        String nobody = "nobody-" + UUID.randomUUID() + "@example.org";
        ResponseEntity<String> unknownAccount = api.login(nobody, "x1", client);

        assertThat(wrongPassword.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(AuthApi.json(wrongPassword).get("code").asText()).isEqualTo("INVALID_CREDENTIALS");
        assertThat(unknownAccount.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(AuthApi.json(unknownAccount).get("detail"))
                .isEqualTo(AuthApi.json(wrongPassword).get("detail"));
        redis.getBucket(LoginThrottle.accountKey(email)).delete();
        redis.getBucket(LoginThrottle.accountKey(nobody)).delete();
    }

    @Test
    void missingPasswordIsABadRequestNamingTheField() {
        ResponseEntity<String> response =
                http.postForEntity("/api/auth/login", java.util.Map.of("account", "ada@example.org"), String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(AuthApi.json(response).get("errors").get(0).get("field").asText())
                .isEqualTo("password");
    }

    @Test
    void eleventhWrongPasswordIsThrottledWhileOtherAccountsStillLogIn() {
        String victim = api.registerUser();
        String bystander = api.registerUser();
        try {
            for (int attempt = 1; attempt <= 10; attempt++) {
                assertThat(api.login(victim, "guess-" + attempt, client).getStatusCode())
                        .isEqualTo(HttpStatus.UNAUTHORIZED);
            }

            ResponseEntity<String> eleventh = api.login(victim, "guess-11", client);
            ResponseEntity<String> evenTheRightPassword = api.login(victim, AuthApi.PASSWORD, client);

            assertThat(eleventh.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
            assertThat(AuthApi.json(eleventh).get("code").asText()).isEqualTo("TOO_MANY_LOGIN_ATTEMPTS");
            assertThat(Long.parseLong(eleventh.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)))
                    .isBetween(1L, 900L);
            assertThat(evenTheRightPassword.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
            assertThat(api.login(bystander, AuthApi.PASSWORD, client).getStatusCode())
                    .isEqualTo(HttpStatus.OK);
        } finally {
            redis.getBucket(LoginThrottle.accountKey(victim)).delete();
        }
    }
}
