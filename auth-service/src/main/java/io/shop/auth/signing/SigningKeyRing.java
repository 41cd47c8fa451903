package io.shop.auth.signing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Service;

/**
 * The token signing keys. On start it makes sure there is an active key (creating the first one)
 * and that the key-encryption secret opens it, so a wrong secret stops the service at once rather
 * than at the first login.
 *
 * <p>Two instances starting on an empty table may each create a key; both are then published and
 * the newer one signs, which is harmless.
 */
@Service
class SigningKeyRing implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(SigningKeyRing.class);
    private static final JWSAlgorithm ALGORITHM = JWSAlgorithm.ES256;

    private final SigningKeyRepository keys;
    private final KeyCipher cipher;
    private final Clock clock;

    SigningKeyRing(SigningKeyRepository keys, AuthProperties properties, Clock clock) {
        this.keys = keys;
        this.cipher = new KeyCipher(properties.keyEncryptionSecret());
        this.clock = clock;
    }

    @Override
    public void afterSingletonsInstantiated() {
        log.info("Signing with key {}", activeKey().getKeyID());
    }

    /** The key new tokens are signed with, private part included. */
    ECKey activeKey() {
        StoredSigningKey stored = keys.findActive().orElseGet(this::createKey);
        return withPrivatePart(stored);
    }

    /**
     * Makes a new key the active one and retires the others: they sign no more tokens but stay
     * published for {@code stillPublishedFor}, so tokens they signed keep verifying until then.
     * The new key is stored before the old ones retire, so there is always an active key.
     */
    String rotate(Duration stillPublishedFor) {
        StoredSigningKey next = createKey();
        int retired = keys.retireAllBut(next.kid(), clock.instant().plus(stillPublishedFor));
        log.info("Rotated to signing key {}; {} older key(s) retired", next.kid(), retired);
        return next.kid();
    }

    /** Public halves of every key a valid token may be signed with, newest first. */
    List<ECKey> publishedKeys() {
        return keys.findPublished(clock.instant()).stream()
                .map(key -> parsePublic(key.publicJwk()))
                .toList();
    }

    private StoredSigningKey createKey() {
        String kid = UUID.randomUUID().toString();
        try {
            ECKey generated = new ECKeyGenerator(Curve.P_256)
                    .keyID(kid)
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(ALGORITHM)
                    .generate();
            byte[] pkcs8 = generated.toECPrivateKey().getEncoded();
            var stored = new StoredSigningKey(
                    kid, ALGORITHM.getName(), generated.toPublicJWK().toJSONString(), cipher.seal(pkcs8, kid));
            keys.insert(stored);
            log.info("Created signing key {}", kid);
            return stored;
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate a signing key", e);
        }
    }

    private ECKey withPrivatePart(StoredSigningKey stored) {
        byte[] pkcs8 = cipher.open(stored.privateKeyEnc(), stored.kid());
        try {
            PrivateKey privateKey = KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
            return new ECKey.Builder(parsePublic(stored.publicJwk()))
                    .privateKey(privateKey)
                    .build();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("stored signing key " + stored.kid() + " is not a valid EC key", e);
        }
    }

    private static ECKey parsePublic(String publicJwk) {
        try {
            return ECKey.parse(publicJwk);
        } catch (ParseException e) {
            throw new IllegalStateException("stored public key is not a valid EC JWK: " + publicJwk, e);
        }
    }
}
