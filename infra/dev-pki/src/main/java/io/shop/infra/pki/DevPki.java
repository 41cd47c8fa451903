package io.shop.infra.pki;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The development CA of the shop and one certificate per service, for mutual TLS between the
 * services on a developer machine or in CI. Everything is PEM in one folder:
 *
 * <pre>
 * ca.crt  ca.key                     the CA (its key stays here, never leaves the machine)
 * &lt;service&gt;.crt  &lt;service&gt;.key     CN = the service name, SAN IP 127.0.0.1 + DNS localhost
 * </pre>
 *
 * Keys are EC P-256 in PKCS#8. What is missing, expires within a day or was signed by another CA is
 * issued anew; what is still good is kept, so running it before every start costs nothing.
 */
public final class DevPki {

    /** Every process of the shop that serves or calls Dubbo. */
    public static final List<String> SERVICES = List.of(
            "user-service",
            "auth-service",
            "product-service",
            "order-service",
            "payment-service",
            "search-service",
            "gateway");

    static final Duration CA_VALIDITY = Duration.ofDays(90);
    static final Duration CERTIFICATE_VALIDITY = Duration.ofDays(30);
    static final Duration RENEW_BEFORE = Duration.ofDays(1);

    private static final String CA = "ca";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path dir;
    private final Clock clock;

    public DevPki(Path dir) {
        this(dir, Clock.systemUTC());
    }

    DevPki(Path dir, Clock clock) {
        this.dir = dir;
        this.clock = clock;
    }

    /** {@code java -cp ... io.shop.infra.pki.DevPki DIR [service ...]}; without services: all of them. */
    public static void main(String[] args) {
        if (args.length == 0) {
            System.err.println("usage: DevPki DIR [service ...]");
            System.exit(2);
        }
        List<String> names = args.length > 1 ? Arrays.asList(args).subList(1, args.length) : SERVICES;
        DevPki pki = new DevPki(Path.of(args[0]).toAbsolutePath().normalize());
        List<String> issued = pki.ensure(names);
        System.out.println(
                "PKI " + pki.dir + ": " + (issued.isEmpty() ? "all certificates valid" : "issued " + issued));
    }

    public Path caCertificate() {
        return dir.resolve(CA + ".crt");
    }

    public Path certificate(String name) {
        return dir.resolve(name + ".crt");
    }

    public Path privateKey(String name) {
        return dir.resolve(name + ".key");
    }

    /**
     * Makes sure the folder holds a valid CA and a valid certificate and key for each name.
     *
     * @return the names whose certificate was issued now (the CA counts as {@code "ca"})
     */
    public synchronized List<String> ensure(Collection<String> names) {
        try {
            Files.createDirectories(dir);
            List<String> issued = new ArrayList<>();
            Issuer ca = loadCa().orElse(null);
            if (ca == null) {
                ca = createCa();
                issued.add(CA);
            }
            for (String name : names) {
                if (!isValid(name, ca)) {
                    issue(name, ca);
                    issued.add(name);
                }
            }
            return issued;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("could not issue development certificates in " + dir, e);
        }
    }

    private record Issuer(X509Certificate certificate, PrivateKey key) {}

    private Optional<Issuer> loadCa() throws IOException, GeneralSecurityException {
        Optional<X509Certificate> certificate = readCertificate(caCertificate());
        if (certificate.isEmpty() || !Files.isRegularFile(privateKey(CA)) || expiresSoon(certificate.get())) {
            return Optional.empty();
        }
        return Optional.of(new Issuer(certificate.get(), readPrivateKey(privateKey(CA))));
    }

    private boolean isValid(String name, Issuer ca) throws IOException {
        Optional<X509Certificate> certificate = readCertificate(certificate(name));
        if (certificate.isEmpty() || !Files.isRegularFile(privateKey(name)) || expiresSoon(certificate.get())) {
            return false;
        }
        try {
            certificate.get().verify(ca.certificate().getPublicKey());
        } catch (GeneralSecurityException signedByAnotherCa) {
            return false;
        }
        return certificate.get().getSubjectX500Principal().equals(subject(name));
    }

    private boolean expiresSoon(X509Certificate certificate) {
        Instant now = clock.instant();
        return certificate.getNotBefore().toInstant().isAfter(now)
                || certificate.getNotAfter().toInstant().isBefore(now.plus(RENEW_BEFORE));
    }

    private Issuer createCa() throws IOException, GeneralSecurityException, OperatorCreationException {
        KeyPair keys = newKeyPair();
        Instant now = clock.instant();
        X500Principal subject = new X500Principal("CN=shop development CA " + now.getEpochSecond() + ", O=shop");
        var extensions = new JcaX509ExtensionUtils();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                        subject,
                        serialNumber(),
                        Date.from(now.minus(Duration.ofMinutes(5))),
                        Date.from(now.plus(CA_VALIDITY)),
                        subject,
                        keys.getPublic())
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
                .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                .addExtension(
                        Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(keys.getPublic()));
        X509Certificate certificate = sign(builder, keys.getPrivate());
        writeKey(privateKey(CA), keys.getPrivate());
        writeCertificate(caCertificate(), certificate);
        return new Issuer(certificate, keys.getPrivate());
    }

    private void issue(String name, Issuer ca) throws IOException, GeneralSecurityException, OperatorCreationException {
        KeyPair keys = newKeyPair();
        Instant now = clock.instant();
        Instant notAfter = now.plus(CERTIFICATE_VALIDITY);
        Instant caNotAfter = ca.certificate().getNotAfter().toInstant();
        var extensions = new JcaX509ExtensionUtils();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                        ca.certificate(),
                        serialNumber(),
                        Date.from(now.minus(Duration.ofMinutes(5))),
                        Date.from(notAfter.isAfter(caNotAfter) ? caNotAfter : notAfter),
                        subject(name),
                        keys.getPublic())
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(new KeyPurposeId[] {
                    KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth
                }))
                .addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                    new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
                    new GeneralName(GeneralName.dNSName, "localhost"),
                    new GeneralName(GeneralName.dNSName, name)
                }))
                .addExtension(
                        Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(keys.getPublic()))
                .addExtension(
                        Extension.authorityKeyIdentifier,
                        false,
                        extensions.createAuthorityKeyIdentifier(ca.certificate()));
        // key first: a reader that sees the new certificate must find its key
        writeKey(privateKey(name), keys.getPrivate());
        writeCertificate(certificate(name), sign(builder, ca.key()));
    }

    private static X500Principal subject(String name) {
        return new X500Principal("CN=" + name + ", O=shop");
    }

    private static KeyPair newKeyPair() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
        return generator.generateKeyPair();
    }

    private static BigInteger serialNumber() {
        return new BigInteger(127, RANDOM).add(BigInteger.ONE);
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey key)
            throws GeneralSecurityException, OperatorCreationException {
        var signer = new JcaContentSignerBuilder("SHA256withECDSA").build(key);
        return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
    }

    private static Optional<X509Certificate> readCertificate(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try (InputStream in = Files.newInputStream(file)) {
            return Optional.of(
                    (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in));
        } catch (GeneralSecurityException unreadable) {
            return Optional.empty();
        }
    }

    private static PrivateKey readPrivateKey(Path file) throws IOException, GeneralSecurityException {
        String pem = Files.readString(file, StandardCharsets.US_ASCII)
                .replace("-----BEGIN PRIVATE KEY-----", "")
                .replace("-----END PRIVATE KEY-----", "")
                .replaceAll("\\s", "");
        return KeyFactory.getInstance("EC")
                .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
    }

    private void writeKey(Path file, PrivateKey key) throws IOException {
        // PrivateKey.getEncoded() of the JDK's EC keys is PKCS#8
        write(file, pem("PRIVATE KEY", key.getEncoded()), true);
    }

    private void writeCertificate(Path file, X509Certificate certificate) throws IOException, GeneralSecurityException {
        write(file, pem("CERTIFICATE", certificate.getEncoded()), false);
    }

    private static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }

    /** Written beside the target and moved over it, so a starting service never reads half a file. */
    private void write(Path file, String content, boolean secret) throws IOException {
        Path temporary = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
        try {
            if (secret) {
                restrictToOwner(temporary);
            }
            Files.writeString(temporary, content, StandardCharsets.US_ASCII);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static void restrictToOwner(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the temp file already belongs to the user only
        }
    }
}
