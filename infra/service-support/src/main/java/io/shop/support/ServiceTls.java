package io.shop.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.ClassUtils;

/**
 * Mutual TLS on Dubbo triple, switched on by one setting: {@code SHOP_PKI_DIR} (or {@code
 * shop.pki.dir}), a folder holding {@code ca.crt} and this service's {@code <name>.crt} and
 * {@code <name>.key} (PEM, the key in PKCS#8), where {@code <name>} is {@code
 * spring.application.name}. The service then serves only TLS clients whose certificate that CA
 * signed, only over triple/gRPC (Dubbo's HTTP/JSON entry to the same port is switched off), and
 * presents its own certificate when it calls. Without the setting nothing changes.
 *
 * <p>Locally {@code ./shop up} creates the folder ({@code .shop/pki}, by {@code
 * io.shop.infra.pki.DevPki}); in production the secret is mounted there. A setting that names a
 * folder without these files stops the start: a service never falls back to plain text.
 */
final class ServiceTls {

    static final String PKI_DIR = "shop.pki.dir";
    private static final String DUBBO_SSL_CONFIG = "org.apache.dubbo.config.SslConfig";
    static final String DISALLOWED_CONTENT_TYPES = "dubbo.protocol.triple.rest.disallowed-content-types";
    /** The media types of Dubbo 3.3's HTTP codecs other than gRPC's (CodecUtils compares these names). */
    static final String NON_GRPC_CONTENT_TYPES =
            "application/json,application/yaml,application/xml,text/html,text/plain,application/octet-stream";

    private ServiceTls() {}

    static void enableIfConfigured(ConfigurableEnvironment environment) {
        String dir = environment.getProperty(PKI_DIR, "");
        String name = environment.getProperty("spring.application.name", "");
        // no Dubbo (the gateway), or a context that is no service (a library's own test): nothing to secure
        if (dir.isBlank() || name.isBlank() || !ClassUtils.isPresent(DUBBO_SSL_CONFIG, null)) {
            return;
        }
        Path pki = Path.of(dir);
        Path certificate = pki.resolve(name + ".crt");
        Path key = pki.resolve(name + ".key");
        Path ca = pki.resolve("ca.crt");
        List<Path> missing = List.of(ca, certificate, key).stream()
                .filter(file -> !Files.isReadable(file))
                .toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException(PKI_DIR + " (SHOP_PKI_DIR) is " + dir + ", but it lacks " + missing
                    + " for spring.application.name '" + name + "'");
        }
        Map<String, Object> ssl = new LinkedHashMap<>();
        ssl.put("dubbo.ssl.server-key-cert-chain-path", certificate.toString());
        ssl.put("dubbo.ssl.server-private-key-path", key.toString());
        // a trust collection makes Dubbo require and verify the client's certificate
        ssl.put("dubbo.ssl.server-trust-cert-collection-path", ca.toString());
        ssl.put("dubbo.ssl.client-key-cert-chain-path", certificate.toString());
        ssl.put("dubbo.ssl.client-private-key-path", key.toString());
        ssl.put("dubbo.ssl.client-trust-cert-collection-path", ca.toString());
        ssl.put("dubbo.protocol.ssl-enabled", "true");
        // only triple/gRPC on the port: no HTTP/JSON (or YAML, XML, text) entry even with a certificate
        ssl.put(DISALLOWED_CONTENT_TYPES, NON_GRPC_CONTENT_TYPES);
        // the environment and the service's own configuration still win, shop-defaults.yml does not
        var source = new MapPropertySource("shop-service-tls", ssl);
        if (environment.getPropertySources().contains("shop-defaults")) {
            environment.getPropertySources().addBefore("shop-defaults", source);
        } else {
            environment.getPropertySources().addLast(source);
        }
    }
}
