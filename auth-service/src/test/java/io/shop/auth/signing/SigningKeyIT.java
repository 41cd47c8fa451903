package io.shop.auth.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import io.shop.api.auth.PublicSigningKey;
import io.shop.api.auth.SigningKeys;
import io.shop.auth.AuthServiceApplication;
import java.time.Clock;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
class SigningKeyIT {

    @Autowired
    TestRestTemplate http;

    @Autowired
    SigningKeyRing ring;

    @Autowired
    SigningKeys provider;

    @Autowired
    SigningKeyRepository repository;

    @Autowired
    AuthProperties properties;

    @Test
    void jwksPublishesTheActiveKeyWithoutItsPrivatePart() throws Exception {
        String activeKid = ring.activeKey().getKeyID();

        ResponseEntity<String> response = http.getForEntity("/.well-known/jwks.json", String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getHeaders().getCacheControl())
                .contains("max-age=300")
                .contains("public");
        JWKSet published = JWKSet.parse(response.getBody());
        assertThat(published.getKeyByKeyId(activeKid)).isNotNull();
        assertThat(published.getKeys())
                .allSatisfy(key -> assertThat(key.isPrivate()).isFalse());
        assertThat(response.getBody()).doesNotContain("\"d\"");
    }

    @Test
    void dubboProviderPublishesTheActiveKeyFieldByField() {
        ECKey active = ring.activeKey();

        assertThat(provider.publishedKeys())
                .contains(new PublicSigningKey(
                        active.getKeyID(),
                        "EC",
                        "ES256",
                        "sig",
                        "P-256",
                        active.getX().toString(),
                        active.getY().toString()));
    }

    /**
     * A ring built afresh over the same database goes through the start-up path again; a second
     * Dubbo application in this JVM would only clash with the first over its exports.
     */
    @Test
    void activeKeySurvivesARestart() {
        String kid = ring.activeKey().getKeyID();

        var restarted = new SigningKeyRing(repository, properties, Clock.systemUTC());
        restarted.afterSingletonsInstantiated();
        ECKey reloaded = restarted.activeKey();

        assertThat(reloaded.getKeyID()).isEqualTo(kid);
        assertThat(reloaded.isPrivate()).isTrue();
        assertThat(repository.findPublished(Instant.now()))
                .extracting(StoredSigningKey::kid)
                .contains(kid);
    }

    @Test
    void serviceRefusesToStartWithoutTheKeySecret() {
        assertThatThrownBy(() -> start("--shop.auth.key-encryption-secret=too-short"))
                .hasRootCauseInstanceOf(MissingKeySecretException.class)
                .rootCause()
                .hasMessageContaining("AUTH_KEY_SECRET");
    }

    private static ConfigurableApplicationContext start(String... args) {
        return new SpringApplicationBuilder(AuthServiceApplication.class)
                .profiles("it")
                .run(args);
    }
}
