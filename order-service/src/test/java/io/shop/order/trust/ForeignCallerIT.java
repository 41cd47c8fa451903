package io.shop.order.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shop.api.ShopException;
import io.shop.api.auth.AuthErrors;
import io.shop.api.order.OrderService;
import io.shop.api.product.ProductService;
import io.shop.api.product.ReserveStockCommand;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.dubbo.config.ApplicationConfig;
import org.apache.dubbo.config.ReferenceConfig;
import org.apache.dubbo.config.RegistryConfig;
import org.apache.dubbo.config.SslConfig;
import org.apache.dubbo.config.bootstrap.DubboBootstrap;
import org.apache.dubbo.rpc.RpcContext;
import org.apache.dubbo.rpc.RpcException;
import org.apache.dubbo.rpc.model.FrameworkModel;
import org.apache.dubbo.rpc.service.GenericService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The running shop tried from outside, as another team's service would: straight at the providers'
 * triple ports and the services' HTTP ports, with no certificate, with a shop certificate of the
 * wrong service, and with forged identities. Addresses are the services' own settings.
 */
class ForeignCallerIT {

    private static final int PRODUCT_DUBBO = port("PRODUCT_DUBBO_PORT", 20883);
    private static final int ORDER_DUBBO = port("ORDER_DUBBO_PORT", 20884);
    private static final List<Integer> EVERY_PROVIDER = List.of(
            port("USER_DUBBO_PORT", 20881),
            port("AUTH_DUBBO_PORT", 20882),
            PRODUCT_DUBBO,
            ORDER_DUBBO,
            port("PAYMENT_DUBBO_PORT", 20885),
            port("SEARCH_DUBBO_PORT", 20886));
    private static final int ORDER_HTTP = port("ORDER_HTTP_PORT", 8084);

    private static Path pki;
    private final List<DubboBootstrap> started = new ArrayList<>();

    @BeforeAll
    static void theShopsCertificates() {
        // what ShopDefaults does for every service: Dubbo refuses to bind 127.x otherwise
        System.setProperty("DUBBO_IP_TO_BIND", "::ffff:127.0.0.1");
        pki = Path.of(System.getenv("SHOP_PKI_DIR"));
    }

    @AfterEach
    void stop() {
        started.forEach(DubboBootstrap::destroy);
    }

    @Test
    void aConsumerWithoutACertificateCannotCallAnyProvider() {
        for (int provider : EVERY_PROVIDER) {
            ProductService anyInterface = reference(ProductService.class, provider, Optional.empty());

            assertThatThrownBy(() -> anyInterface.getSkus(List.of(1L)))
                    .as("port %d", provider)
                    .isInstanceOf(RpcException.class);
        }
    }

    @Test
    void aServiceIsRefusedWhatItsContractDoesNotAllowIt() {
        ProductService asSearch = reference(ProductService.class, PRODUCT_DUBBO, Optional.of("search-service"));

        assertThat(asSearch.listProducts(0, 1).products()).isNotNull();
        assertRefused(
                () -> asSearch.reserveStock(new ReserveStockCommand(
                        "F" + System.nanoTime(), List.of(new ReserveStockCommand.StockLine(1, 1)))),
                AuthErrors.SERVICE_NOT_ALLOWED);
        assertRefused(() -> asSearch.releaseStock("F1"), AuthErrors.SERVICE_NOT_ALLOWED);
    }

    @Test
    void aGenericCallWithBadArgumentsGetsAStableCodeAndTheNextCallSucceeds() {
        GenericService asSearch = generic(ProductService.class, PRODUCT_DUBBO, "search-service");

        assertThatThrownBy(() -> asSearch.$invoke(
                        "listProducts", new String[] {"long", "int"}, new Object[] {"not a number", 1}))
                .satisfies(e -> assertThat(e.toString()).contains("INVALID_ARGUMENT"));
        assertThatThrownBy(
                        () -> asSearch.$invoke("listProducts", new String[] {"long", "int"}, new Object[] {0L, null}))
                .satisfies(e -> assertThat(e.toString()).contains("INVALID_ARGUMENT"));
        Object page = asSearch.$invoke("listProducts", new String[] {"long", "int"}, new Object[] {0L, 1});

        assertThat(page).isInstanceOfSatisfying(Map.class, listing -> assertThat(listing.get("products"))
                .isInstanceOf(List.class));
    }

    @Test
    void forgedIdentityAttachmentsFromAnAllowedServiceAreNoCaller() {
        OrderService asPayment = reference(OrderService.class, ORDER_DUBBO, Optional.of("payment-service"));

        RpcContext.getClientAttachment().setAttachment("shop-user-id", "1");
        RpcContext.getClientAttachment().setAttachment("shop-user-roles", "admin");
        assertRefused(() -> asPayment.getOrder("1"), AuthErrors.UNAUTHENTICATED);
        RpcContext.getClientAttachment().setAttachment("shop-passport", "eyJhbGciOiJub25lIn0.e30.");
        assertRefused(() -> asPayment.getOrder("1"), AuthErrors.UNAUTHENTICATED);
        RpcContext.removeClientAttachment();
    }

    @Test
    void plainHttpToADubboPortIsRefused() {
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(3))
                .build();
        HttpRequest getSkus = HttpRequest.newBuilder(URI.create(
                        "http://127.0.0.1:" + PRODUCT_DUBBO + "/" + ProductService.class.getName() + "/getSkus"))
                .timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/json")
                .header("shop-user-id", "1")
                .POST(HttpRequest.BodyPublishers.ofString("[[1]]"))
                .build();

        assertThatThrownBy(() -> http.send(getSkus, HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(IOException.class);
    }

    @Test
    void aForgedUserHeaderOnAServicesHttpPortIsNoCaller() throws Exception {
        HttpResponse<String> orders = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ORDER_HTTP + "/api/orders"))
                                .header("X-Shop-User-Id", "1")
                                .header("X-Shop-User-Roles", "customer,admin")
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> forgedPassport = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ORDER_HTTP + "/api/orders"))
                                .header("X-Shop-Passport", "eyJhbGciOiJub25lIn0.eyJzdWIiOiIxIn0.")
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(orders.statusCode()).isEqualTo(401);
        assertThat(forgedPassport.statusCode()).isEqualTo(401);
        assertThat(forgedPassport.body()).contains("UNAUTHENTICATED");
    }

    private static void assertRefused(Runnable call, String code) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(ShopException.class, e -> assertThat(e.code())
                .isEqualTo(code));
    }

    private GenericService generic(Class<?> contract, int port, String asService) {
        ReferenceConfig<GenericService> reference = new ReferenceConfig<>();
        reference.setInterface(contract.getName());
        reference.setGeneric("true");
        return connect(reference, port, Optional.of(asService));
    }

    private <T> T reference(Class<T> contract, int port, Optional<String> asService) {
        ReferenceConfig<T> reference = new ReferenceConfig<>();
        reference.setInterface(contract);
        return connect(reference, port, asService);
    }

    private <T> T connect(ReferenceConfig<T> reference, int port, Optional<String> asService) {
        reference.setUrl("tri://[::ffff:127.0.0.1]:" + port);
        reference.setTimeout(5000);
        reference.setRetries(0);
        reference.setCheck(false);
        ApplicationConfig application = new ApplicationConfig("foreign-consumer");
        application.setQosEnable(false);
        DubboBootstrap bootstrap = DubboBootstrap.newInstance(new FrameworkModel())
                .application(application)
                .registry(new RegistryConfig(RegistryConfig.NO_AVAILABLE))
                .reference(reference);
        SslConfig ssl = new SslConfig();
        ssl.setClientTrustCertCollectionPath(pki.resolve("ca.crt").toString());
        asService.ifPresent(name -> {
            ssl.setClientKeyCertChainPath(pki.resolve(name + ".crt").toString());
            ssl.setClientPrivateKeyPath(pki.resolve(name + ".key").toString());
        });
        bootstrap.ssl(ssl).start();
        started.add(bootstrap);
        return reference.get();
    }

    private static int port(String variable, int fallback) {
        String value = System.getenv(variable);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value);
    }
}
