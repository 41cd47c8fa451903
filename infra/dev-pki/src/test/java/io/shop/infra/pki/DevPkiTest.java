package io.shop.infra.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SignatureException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DevPkiTest {

    @TempDir
    Path dir;

    @Test
    void issuesOneCertificatePerServiceWithItsNameAndLoopbackSignedByTheCa() throws Exception {
        DevPki pki = new DevPki(dir);

        List<String> issued = pki.ensure(List.of("order-service", "gateway"));

        assertThat(issued).containsExactly("ca", "order-service", "gateway");
        X509Certificate ca = read(pki.caCertificate());
        X509Certificate order = read(pki.certificate("order-service"));
        order.verify(ca.getPublicKey());
        assertThat(order.getSubjectX500Principal().getName()).isEqualTo("CN=order-service,O=shop");
        assertThat(order.getSubjectAlternativeNames())
                .extracting(name -> (Object) name.get(1))
                .containsExactly((Object) "127.0.0.1", "localhost", "order-service");
        assertThat(order.getExtendedKeyUsage()).contains("1.3.6.1.5.5.7.3.1", "1.3.6.1.5.5.7.3.2");
        assertThat(order.getBasicConstraints()).isEqualTo(-1);
        assertThat(ca.getBasicConstraints()).isZero();
        assertThat(Files.readString(pki.privateKey("order-service"))).startsWith("-----BEGIN PRIVATE KEY-----\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(pki.privateKey("order-service"))))
                .isEqualTo("rw-------");
    }

    @Test
    void keepsWhatIsStillValid() throws Exception {
        DevPki pki = new DevPki(dir);
        pki.ensure(List.of("order-service"));
        String before = Files.readString(pki.certificate("order-service"));

        List<String> issued = pki.ensure(List.of("order-service", "user-service"));

        assertThat(issued).containsExactly("user-service");
        assertThat(Files.readString(pki.certificate("order-service"))).isEqualTo(before);
    }

    @Test
    void reissuesACertificateThatExpiresWithinADay() throws Exception {
        Instant start = Instant.parse("2026-12-01T00:00:00Z");
        new DevPki(dir, Clock.fixed(start, ZoneOffset.UTC)).ensure(List.of("order-service"));
        Instant nearlyExpired = start.plus(DevPki.CERTIFICATE_VALIDITY)
                .minus(DevPki.RENEW_BEFORE)
                .plusSeconds(60);
        DevPki later = new DevPki(dir, Clock.fixed(nearlyExpired, ZoneOffset.UTC));

        List<String> issued = later.ensure(List.of("order-service"));

        assertThat(issued).containsExactly("order-service");
        assertThat(read(later.certificate("order-service")).getNotAfter().toInstant())
                .isAfter(nearlyExpired.plus(DevPki.RENEW_BEFORE));
    }

    @Test
    void aNewCaReissuesEveryCertificate() throws Exception {
        DevPki pki = new DevPki(dir);
        pki.ensure(List.of("order-service"));
        Files.delete(pki.privateKey("ca"));

        List<String> issued = pki.ensure(List.of("order-service"));

        assertThat(issued).containsExactly("ca", "order-service");
        read(pki.certificate("order-service")).verify(read(pki.caCertificate()).getPublicKey());
    }

    @Test
    void anotherFoldersCaDoesNotVouchForThisOne(@TempDir Path elsewhere) throws Exception {
        DevPki ours = new DevPki(dir);
        DevPki theirs = new DevPki(elsewhere);
        ours.ensure(List.of("order-service"));
        theirs.ensure(List.of("order-service"));

        X509Certificate foreign = read(theirs.certificate("order-service"));

        assertThatThrownBy(() -> foreign.verify(read(ours.caCertificate()).getPublicKey()))
                .isInstanceOf(SignatureException.class);
    }

    private static X509Certificate read(Path file) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
