package io.shop.support.identity;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.util.Base64;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.shop.api.ShopException;
import io.shop.api.auth.AuthErrors;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/**
 * A passport is the gateway's signed statement of whom a request is served for: an ES256 JWT with
 * the user id, roles and session of an access token the gateway verified, signed with the
 * gateway's own key and carrying its certificate ({@code x5c}). Every service verifies it against
 * the shop's CA: the certificate must be the gateway's and signed by the CA, the signature and the
 * expiry must hold. It travels as the {@value #HEADER} header on HTTP and as the {@value
 * #ATTACHMENT} attachment on Dubbo calls, so a bare user id from anyone is never taken as the caller.
 */
public final class Passports {

    public static final String HEADER = "X-Shop-Passport";
    static final String ATTACHMENT = "shop-passport";
    /** The one service that issues passports. */
    public static final String ISSUER = "gateway";

    static final String AUDIENCE = "shop-services";
    private static final Duration CLOCK_SKEW = Duration.ofSeconds(30);

    private final X509Certificate authority;
    private final Clock clock;
    /** A passport is verified once per process and kept until it expires: verifying is an ECDSA check. */
    private final Cache<String, Caller> verified = Caffeine.newBuilder()
            .maximumSize(100_000)
            .expireAfter(Expiry.creating((String passport, Caller caller) -> untilExpired(caller)))
            .build();

    public Passports(X509Certificate authority, Clock clock) {
        this.authority = authority;
        this.clock = clock;
    }

    /**
     * The caller a passport names; 401 {@code UNAUTHENTICATED} for anything that is not a valid,
     * unexpired passport signed by the gateway's certificate.
     */
    public Caller verify(String passport) {
        Caller caller = verified.get(passport, this::check);
        if (caller.expiresAt().isBefore(clock.instant().minus(CLOCK_SKEW))) {
            verified.invalidate(passport);
            throw refused("the passport expired");
        }
        return caller;
    }

    private Duration untilExpired(Caller caller) {
        Duration left = Duration.between(clock.instant(), caller.expiresAt().plus(CLOCK_SKEW));
        return left.isNegative() ? Duration.ZERO : left;
    }

    private Caller check(String passport) {
        try {
            SignedJWT jwt = SignedJWT.parse(passport);
            if (!JWSAlgorithm.ES256.equals(jwt.getHeader().getAlgorithm())) {
                throw refused("the passport is not ES256");
            }
            X509Certificate issuer = issuerOf(jwt);
            if (!jwt.verify(new ECDSAVerifier((ECPublicKey) issuer.getPublicKey()))) {
                throw refused("the passport's signature does not match");
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            Instant now = clock.instant();
            if (!ISSUER.equals(claims.getIssuer())
                    || claims.getAudience() == null
                    || !claims.getAudience().contains(AUDIENCE)
                    || claims.getExpirationTime() == null
                    || claims.getExpirationTime().toInstant().isBefore(now.minus(CLOCK_SKEW))) {
                throw refused("the passport is not for the shop's services, or expired");
            }
            List<String> roles = claims.getStringListClaim("roles");
            return Caller.parse(claims.getSubject(), roles == null ? "" : String.join(",", roles))
                    .map(caller -> caller.withPassport(
                            passport, claims.getExpirationTime().toInstant()))
                    .orElseThrow(() -> refused("the passport names no user"));
        } catch (ParseException | JOSEException | ClassCastException e) {
            throw refused("the passport is malformed");
        }
    }

    private X509Certificate issuerOf(SignedJWT jwt) {
        List<Base64> chain = jwt.getHeader().getX509CertChain();
        if (chain == null || chain.isEmpty()) {
            throw refused("the passport names no certificate");
        }
        try {
            X509Certificate certificate = (X509Certificate) java.security.cert.CertificateFactory.getInstance("X.509")
                    .generateCertificate(
                            new java.io.ByteArrayInputStream(chain.get(0).decode()));
            certificate.verify(authority.getPublicKey());
            certificate.checkValidity(Date.from(clock.instant()));
            if (!ISSUER.equals(ServiceCredentials.commonName(certificate))) {
                throw refused("the passport was not issued by the gateway");
            }
            return certificate;
        } catch (GeneralSecurityException e) {
            throw refused("the passport's certificate is not the shop's");
        }
    }

    /** Issues passports; only the gateway holds the key for it. */
    public static final class Issuer {

        private final ServiceCredentials gateway;
        private final Clock clock;

        public Issuer(ServiceCredentials gateway, Clock clock) {
            if (!ISSUER.equals(ServiceCredentials.commonName(gateway.certificate()))) {
                throw new IllegalArgumentException("only the gateway's certificate issues passports");
            }
            this.gateway = gateway;
            this.clock = clock;
        }

        /**
         * For what stands in for the gateway (integration tests, operators' scripts): the gateway's
         * credentials from the folder {@code SHOP_PKI_DIR} names.
         */
        public static Issuer ofGatewayFromEnvironment() {
            String pki = System.getenv("SHOP_PKI_DIR");
            if (pki == null || pki.isBlank()) {
                throw new IllegalStateException("SHOP_PKI_DIR is not set (./shop up creates .shop/pki)");
            }
            return new Issuer(ServiceCredentials.load(java.nio.file.Path.of(pki), ISSUER), Clock.systemUTC());
        }

        /** A passport for a user id and comma-separated roles, valid for 15 minutes. */
        public String issue(String userId, String roles) {
            List<String> roleList = roles == null || roles.isBlank()
                    ? List.of()
                    : java.util.Arrays.stream(roles.split(","))
                            .map(String::trim)
                            .toList();
            return issue(
                    Long.parseLong(userId),
                    roleList,
                    "stand-in",
                    clock.instant().plus(Duration.ofMinutes(15)));
        }

        public String issue(long userId, List<String> roles, String sessionId, Instant expiresAt) {
            try {
                JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.ES256)
                        .x509CertChain(
                                List.of(Base64.encode(gateway.certificate().getEncoded())))
                        .build();
                JWTClaimsSet claims = new JWTClaimsSet.Builder()
                        .issuer(ISSUER)
                        .audience(AUDIENCE)
                        .subject(Long.toString(userId))
                        .claim("roles", roles)
                        .claim("sid", sessionId)
                        .issueTime(Date.from(clock.instant()))
                        .expirationTime(Date.from(expiresAt))
                        .build();
                SignedJWT jwt = new SignedJWT(header, claims);
                jwt.sign(new ECDSASigner((ECPrivateKey) gateway.key()));
                return jwt.serialize();
            } catch (JOSEException | CertificateEncodingException e) {
                throw new IllegalStateException("cannot sign a passport", e);
            }
        }
    }

    private static ShopException refused(String why) {
        return new ShopException(ShopException.Kind.UNAUTHENTICATED, AuthErrors.UNAUTHENTICATED, why);
    }
}
