package io.shop.support.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shop.infra.pki.DevPki;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.apache.dubbo.config.ApplicationConfig;
import org.apache.dubbo.config.ProtocolConfig;
import org.apache.dubbo.config.ReferenceConfig;
import org.apache.dubbo.config.RegistryConfig;
import org.apache.dubbo.config.ServiceConfig;
import org.apache.dubbo.config.SslConfig;
import org.apache.dubbo.config.bootstrap.DubboBootstrap;
import org.apache.dubbo.rpc.RpcException;
import org.apache.dubbo.rpc.model.FrameworkModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real triple provider and real consumers over loopback, each in its own Dubbo framework, with
 * certificates from the development CA: only a caller with a certificate that CA signed gets in,
 * and the provider knows which service it is.
 */
class MutualTlsTripleTest {

    @TempDir
    static Path shopPki;

    @TempDir
    static Path foreignPki;

    static final String DISALLOWED_CONTENT_TYPES = "dubbo.protocol.triple.rest.disallowed-content-types";
    static final String NON_GRPC_CONTENT_TYPES =
            "application/json,application/yaml,application/xml,text/html,text/plain,application/octet-stream";

    static DevPki shop;
    static DevPki foreign;

    private final List<DubboBootstrap> started = new ArrayList<>();

    @BeforeAll
    static void certificates() {
        // what ShopDefaults does for every service: Dubbo refuses to bind 127.x otherwise
        System.setProperty("DUBBO_IP_TO_BIND", "::ffff:127.0.0.1");
        shop = new DevPki(shopPki);
        shop.ensure(List.of("product-service", "order-service", "search-service"));
        foreign = new DevPki(foreignPki);
        foreign.ensure(List.of("order-service"));
    }

    @AfterEach
    void stop() {
        started.forEach(DubboBootstrap::destroy);
    }

    @Test
    void aServiceWithACertificateOfTheShopsCaIsServedAndKnownByItsName() {
        int port = provider(Optional.of(serverSsl("product-service")));

        assertThat(consumer(port, Optional.of(clientSsl(shop, "order-service"))).callingService())
                .isEqualTo("order-service");
        assertThat(consumer(port, Optional.of(clientSsl(shop, "search-service")))
                        .callingService())
                .isEqualTo("search-service");
    }

    @Test
    void aConsumerWithoutACertificateIsRefused() {
        int port = provider(Optional.of(serverSsl("product-service")));
        Whoami plain = consumer(port, Optional.empty());

        assertThatThrownBy(plain::callingService).isInstanceOf(RpcException.class);
    }

    @Test
    void aConsumerThatOnlyTrustsTheCaButShowsNoCertificateIsRefused() {
        int port = provider(Optional.of(serverSsl("product-service")));
        SslConfig trustOnly = new SslConfig();
        trustOnly.setClientTrustCertCollectionPath(shop.caCertificate().toString());

        assertThatThrownBy(consumer(port, Optional.of(trustOnly))::callingService)
                .isInstanceOf(RpcException.class);
    }

    @Test
    void aConsumerWithACertificateOfAnotherCaIsRefusedAtTheHandshake() {
        int port = provider(Optional.of(serverSsl("product-service")));
        SslConfig impostor = clientSsl(foreign, "order-service");
        // it even trusts our CA, so only its own certificate can be what fails
        impostor.setClientTrustCertCollectionPath(shop.caCertificate().toString());

        assertThatThrownBy(consumer(port, Optional.of(impostor))::callingService)
                .isInstanceOf(RpcException.class);
    }

    @Test
    void plainHttpJsonToTheTriplePortIsRefused() {
        int port = provider(Optional.of(serverSsl("product-service")));

        assertThatThrownBy(() -> postJson(port)).isInstanceOf(IOException.class);
    }

    @Test
    void aHolderOfAValidCertificateCanPostJsonOverTlsUnlessJsonIsDisallowed() throws Exception {
        int open = provider(Optional.of(serverSsl("product-service")));
        HttpClient orderService = httpsClient("order-service");

        HttpResponse<String> answered = postJson(orderService, "https", open);

        assertThat(answered.statusCode()).isEqualTo(200);
        assertThat(answered.body()).contains("order-service");

        // what ServiceTls sets for every service
        System.setProperty(DISALLOWED_CONTENT_TYPES, NON_GRPC_CONTENT_TYPES);
        try {
            int closed = provider(Optional.of(serverSsl("product-service")));

            assertThat(postJson(orderService, "https", closed).statusCode()).isEqualTo(415);
            assertThat(consumer(closed, Optional.of(clientSsl(shop, "order-service")))
                            .callingService())
                    .isEqualTo("order-service");
        } finally {
            System.clearProperty(DISALLOWED_CONTENT_TYPES);
        }
    }

    @Test
    void withoutCertificatesThePortAnswersPlainHttpJsonToAnyone() throws Exception {
        int port = provider(Optional.empty());

        HttpResponse<String> response = postJson(port);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("none");
    }

    private int provider(Optional<SslConfig> ssl) {
        int port = freePort();
        ServiceConfig<Whoami> service = new ServiceConfig<>();
        service.setInterface(Whoami.class);
        service.setRef(new Whoami() {
            @Override
            public String callingService() {
                return CallingService.current().map(CallingService::name).orElse("none");
            }
        });
        ProtocolConfig protocol = new ProtocolConfig("tri", port);
        protocol.setHost("127.0.0.1");
        DubboBootstrap bootstrap = bootstrap("product-service", ssl)
                .protocol(protocol)
                .service(service)
                .start();
        started.add(bootstrap);
        return port;
    }

    private Whoami consumer(int port, Optional<SslConfig> ssl) {
        ReferenceConfig<Whoami> reference = new ReferenceConfig<>();
        reference.setInterface(Whoami.class);
        // Dubbo would swap 127.0.0.1 for the machine's external address; the IPv4-mapped spelling stays
        reference.setUrl("tri://[::ffff:127.0.0.1]:" + port);
        reference.setTimeout(3000);
        reference.setRetries(0);
        reference.setCheck(false);
        DubboBootstrap bootstrap =
                bootstrap("consumer", ssl).reference(reference).start();
        started.add(bootstrap);
        return reference.get();
    }

    private static DubboBootstrap bootstrap(String name, Optional<SslConfig> ssl) {
        ApplicationConfig application = new ApplicationConfig(name);
        application.setQosEnable(false);
        DubboBootstrap bootstrap = DubboBootstrap.newInstance(new FrameworkModel())
                .application(application)
                .registry(new RegistryConfig(RegistryConfig.NO_AVAILABLE));
        ssl.ifPresent(bootstrap::ssl);
        return bootstrap;
    }

    /** What ServiceTls sets for a service named {@code name} from SHOP_PKI_DIR. */
    private static SslConfig serverSsl(String name) {
        SslConfig ssl = new SslConfig();
        ssl.setServerKeyCertChainPath(shop.certificate(name).toString());
        ssl.setServerPrivateKeyPath(shop.privateKey(name).toString());
        ssl.setServerTrustCertCollectionPath(shop.caCertificate().toString());
        return ssl;
    }

    private static SslConfig clientSsl(DevPki pki, String name) {
        SslConfig ssl = new SslConfig();
        ssl.setClientKeyCertChainPath(pki.certificate(name).toString());
        ssl.setClientPrivateKeyPath(pki.privateKey(name).toString());
        ssl.setClientTrustCertCollectionPath(pki.caCertificate().toString());
        return ssl;
    }

    private static HttpResponse<String> postJson(int port) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(3))
                .build();
        return postJson(http, "http", port);
    }

    /** What {@code curl -XPOST 127.0.0.1:PORT/<interface>/<method> -d '[]'} does. */
    private static HttpResponse<String> postJson(HttpClient http, String scheme, int port)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create(scheme + "://127.0.0.1:" + port + "/" + Whoami.class.getName() + "/callingService"))
                .timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("[]"))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** An HTTP/1.1 client that shows {@code name}'s certificate and trusts the shop's CA. */
    private static HttpClient httpsClient(String name) throws Exception {
        CertificateFactory x509 = CertificateFactory.getInstance("X.509");
        Certificate certificate;
        Certificate ca;
        try (InputStream in = Files.newInputStream(shop.certificate(name));
                InputStream caIn = Files.newInputStream(shop.caCertificate())) {
            certificate = x509.generateCertificate(in);
            ca = x509.generateCertificate(caIn);
        }
        String pem = Files.readString(shop.privateKey(name)).replaceAll("-----[A-Z ]+-----|\\s", "");
        PrivateKey key = KeyFactory.getInstance("EC")
                .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        KeyStore keys = KeyStore.getInstance("PKCS12");
        keys.load(null, null);
        keys.setKeyEntry(name, key, new char[0], new Certificate[] {certificate});
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("ca", ca);
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keys, new char[0]);
        TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trustManagers.init(trust);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(keyManagers.getKeyManagers(), trustManagers.getTrustManagers(), null);
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .sslContext(tls)
                .connectTimeout(Duration.ofSeconds(3))
                .build();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
