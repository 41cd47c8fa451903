package io.shop.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import io.shop.infra.pki.DevPki;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;

class ServiceTlsTest {

    @TempDir
    Path pki;

    @Test
    void withoutAPkiFolderDubboStaysAsItWas() {
        MockEnvironment environment = new MockEnvironment().withProperty("spring.application.name", "order-service");

        ServiceTls.enableIfConfigured(environment);

        assertThat(environment.getProperty("dubbo.ssl.server-key-cert-chain-path"))
                .isNull();
        assertThat(environment.getProperty("dubbo.protocol.ssl-enabled")).isNull();
    }

    @Test
    void aPkiFolderGivesTheServiceItsOwnCertificateOnBothSidesAndRequiresTheCallersOne() {
        DevPki dev = new DevPki(pki);
        dev.ensure(List.of("order-service"));
        MockEnvironment environment = new MockEnvironment()
                .withProperty("spring.application.name", "order-service")
                .withProperty(ServiceTls.PKI_DIR, pki.toString());

        ServiceTls.enableIfConfigured(environment);

        String certificate = dev.certificate("order-service").toString();
        String key = dev.privateKey("order-service").toString();
        String ca = dev.caCertificate().toString();
        assertThat(environment.getProperty("dubbo.ssl.server-key-cert-chain-path"))
                .isEqualTo(certificate);
        assertThat(environment.getProperty("dubbo.ssl.server-private-key-path")).isEqualTo(key);
        assertThat(environment.getProperty("dubbo.ssl.server-trust-cert-collection-path"))
                .isEqualTo(ca);
        assertThat(environment.getProperty("dubbo.ssl.client-key-cert-chain-path"))
                .isEqualTo(certificate);
        assertThat(environment.getProperty("dubbo.ssl.client-private-key-path")).isEqualTo(key);
        assertThat(environment.getProperty("dubbo.ssl.client-trust-cert-collection-path"))
                .isEqualTo(ca);
        assertThat(environment.getProperty("dubbo.protocol.ssl-enabled")).isEqualTo("true");
        assertThat(environment.getProperty(ServiceTls.DISALLOWED_CONTENT_TYPES)).contains("application/json");
    }

    @Test
    void aContextWithoutAServiceNameIsLeftAlone() {
        MockEnvironment environment = new MockEnvironment().withProperty(ServiceTls.PKI_DIR, pki.toString());

        ServiceTls.enableIfConfigured(environment);

        assertThat(environment.getProperty("dubbo.ssl.server-key-cert-chain-path"))
                .isNull();
    }

    @Test
    void aPkiFolderWithoutThisServicesCertificateStopsTheStartInsteadOfFallingBackToPlainText() {
        new DevPki(pki).ensure(List.of("user-service"));
        MockEnvironment environment = new MockEnvironment()
                .withProperty("spring.application.name", "order-service")
                .withProperty(ServiceTls.PKI_DIR, pki.toString());

        assertThatIllegalStateException()
                .isThrownBy(() -> ServiceTls.enableIfConfigured(environment))
                .withMessageContaining("order-service.crt");
    }
}
