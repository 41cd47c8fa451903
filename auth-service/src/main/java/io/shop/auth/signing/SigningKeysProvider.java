package io.shop.auth.signing;

import com.nimbusds.jose.jwk.ECKey;
import io.shop.api.auth.PublicSigningKey;
import io.shop.api.auth.SigningKeys;
import java.util.List;
import org.apache.dubbo.config.annotation.DubboService;

@DubboService
class SigningKeysProvider implements SigningKeys {

    private final SigningKeyRing ring;

    SigningKeysProvider(SigningKeyRing ring) {
        this.ring = ring;
    }

    @Override
    public List<PublicSigningKey> publishedKeys() {
        return ring.publishedKeys().stream()
                .map(SigningKeysProvider::toContract)
                .toList();
    }

    private static PublicSigningKey toContract(ECKey key) {
        return new PublicSigningKey(
                key.getKeyID(),
                key.getKeyType().getValue(),
                key.getAlgorithm().getName(),
                key.getKeyUse().identifier(),
                key.getCurve().getName(),
                key.getX().toString(),
                key.getY().toString());
    }
}
