package io.shop.support.identity;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/**
 * What a folder of the shop's PKI holds for one service ({@code shop.pki.dir}): the CA that signs
 * every service's certificate ({@code ca.crt}), and the service's own certificate and PKCS#8 key
 * ({@code <name>.crt}, {@code <name>.key}), all PEM.
 */
public record ServiceCredentials(X509Certificate ca, X509Certificate certificate, PrivateKey key) {

    public static ServiceCredentials load(Path dir, String service) {
        return new ServiceCredentials(
                certificate(dir.resolve("ca.crt")),
                certificate(dir.resolve(service + ".crt")),
                key(dir.resolve(service + ".key")));
    }

    /** Only the CA: enough to verify what services present. */
    public static X509Certificate authority(Path dir) {
        return certificate(dir.resolve("ca.crt"));
    }

    static X509Certificate certificate(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("not a certificate: " + file, e);
        }
    }

    static PrivateKey key(Path file) {
        try {
            String pem = Files.readString(file, StandardCharsets.US_ASCII)
                    .replaceAll("-----[A-Z ]+-----", "")
                    .replaceAll("\\s", "");
            return KeyFactory.getInstance("EC")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("not a PKCS#8 EC key: " + file, e);
        }
    }

    /** The common name a certificate was issued to: the service's name. */
    public static String commonName(X509Certificate certificate) {
        try {
            return new javax.naming.ldap.LdapName(
                            certificate.getSubjectX500Principal().getName())
                    .getRdns().stream()
                            .filter(rdn -> rdn.getType().equalsIgnoreCase("CN"))
                            .map(rdn -> rdn.getValue().toString())
                            .findFirst()
                            .orElse("");
        } catch (javax.naming.InvalidNameException e) {
            return "";
        }
    }
}
