package io.shop.user.address;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shop.api.ShopException;
import io.shop.api.auth.AuthErrors;
import io.shop.api.user.ShippingAddressSnapshot;
import io.shop.api.user.UserErrors;
import io.shop.api.user.UserService;
import io.shop.support.identity.Passports;
import java.nio.file.Path;
import java.util.UUID;
import java.util.function.Supplier;
import org.apache.dubbo.common.URL;
import org.apache.dubbo.config.ApplicationConfig;
import org.apache.dubbo.config.ReferenceConfig;
import org.apache.dubbo.config.RegistryConfig;
import org.apache.dubbo.config.SslConfig;
import org.apache.dubbo.config.bootstrap.DubboBootstrap;
import org.apache.dubbo.config.spring.ServiceBean;
import org.apache.dubbo.rpc.RpcContext;
import org.apache.dubbo.rpc.model.FrameworkModel;
import org.apache.dubbo.rpc.model.ModuleModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.test.context.ActiveProfiles;

/**
 * What order-service asks at checkout, over a real mutual-TLS triple connection to the in-process
 * provider, presenting order-service's certificate: the caller travels as the gateway's passport,
 * as order-service's Dubbo filter sends it, and the answer depends on that caller alone.
 */
@SpringBootTest
@ActiveProfiles("it")
class ShippingAddressOverDubboIT {

    @Autowired
    ApplicationContext context;

    @Autowired
    AddressBook book;

    @Autowired
    JdbcClient jdbc;

    DubboBootstrap orderService;
    UserService users;
    long alice;
    long bob;

    @BeforeEach
    void remoteProviderAndTwoUsers() {
        ServiceBean<?> provider = context.getBeansOfType(ServiceBean.class).values().stream()
                .filter(bean -> bean.getInterfaceClass() == UserService.class)
                .findFirst()
                .orElseThrow();
        ReferenceConfig<UserService> reference = new ReferenceConfig<>();
        reference.setInterface(UserService.class);
        // Dubbo would swap 127.0.0.1 for the machine's external address; the IPv4-mapped spelling stays
        reference.setUrl("tri://[::ffff:127.0.0.1]:" + triplePort(provider));
        reference.setCheck(false);
        Path pki = Path.of(System.getenv("SHOP_PKI_DIR"));
        SslConfig asOrderService = new SslConfig();
        asOrderService.setClientKeyCertChainPath(
                pki.resolve("order-service.crt").toString());
        asOrderService.setClientPrivateKeyPath(pki.resolve("order-service.key").toString());
        asOrderService.setClientTrustCertCollectionPath(pki.resolve("ca.crt").toString());
        ApplicationConfig application = new ApplicationConfig("order-service");
        application.setQosEnable(false);
        orderService = DubboBootstrap.newInstance(new FrameworkModel())
                .application(application)
                .registry(new RegistryConfig(RegistryConfig.NO_AVAILABLE))
                .ssl(asOrderService)
                .reference(reference)
                .start();
        users = reference.get();
        alice = insertUser("Alice");
        bob = insertUser("Bob");
    }

    @AfterEach
    void closeReference() {
        orderService.destroy();
    }

    @Test
    void theCallersOwnAddressComesBackAsASnapshot() {
        Address home = book.add(
                alice,
                new ShippingAddress(
                        "Alice Liddell", "+8613800138000", "Zhejiang", "Hangzhou", null, "1 West Lake Rd", null));

        ShippingAddressSnapshot snapshot = as(alice, () -> users.shippingAddress(home.id()));

        assertThat(snapshot)
                .isEqualTo(new ShippingAddressSnapshot(
                        home.id(),
                        "Alice Liddell",
                        "+8613800138000",
                        "Zhejiang",
                        "Hangzhou",
                        null,
                        "1 West Lake Rd",
                        null));
    }

    @Test
    void anotherUsersAddressIsNotFoundExactlyLikeAnUnknownOne() {
        long bobsHome = book.add(bob, address("Bob's Home")).id();

        ShopException others = failure(() -> as(alice, () -> users.shippingAddress(bobsHome)));
        ShopException unknown = failure(() -> as(alice, () -> users.shippingAddress(Long.MAX_VALUE)));

        for (ShopException e : new ShopException[] {others, unknown}) {
            assertThat(e.kind()).isEqualTo(ShopException.Kind.NOT_FOUND);
            assertThat(e.code()).isEqualTo(UserErrors.ADDRESS_NOT_FOUND);
        }
        assertThat(others.getMessage()).isEqualTo("no address " + bobsHome);
        assertThat(unknown.getMessage()).isEqualTo("no address " + Long.MAX_VALUE);
        assertThat(as(bob, () -> users.shippingAddress(bobsHome)).line1()).isEqualTo("Bob's Home");
    }

    @Test
    void aCallMadeForNobodyIsUnauthenticated() {
        long home = book.add(alice, address("Home")).id();
        RpcContext.removeClientAttachment();

        ShopException e = failure(() -> users.shippingAddress(home));

        assertThat(e.kind()).isEqualTo(ShopException.Kind.UNAUTHENTICATED);
        assertThat(e.code()).isEqualTo(AuthErrors.UNAUTHENTICATED);
    }

    /** Makes one call for that user, as another service's caller filter would send it. */
    private static <T> T as(long userId, Supplier<T> call) {
        RpcContext.getClientAttachment()
                .setAttachment(
                        "shop-passport",
                        Passports.Issuer.ofGatewayFromEnvironment().issue(Long.toString(userId), "customer"));
        try {
            return call.get();
        } finally {
            RpcContext.removeClientAttachment();
        }
    }

    private static ShopException failure(Runnable call) {
        var thrown = new ShopException[1];
        assertThatThrownBy(call::run).isInstanceOfSatisfying(ShopException.class, e -> thrown[0] = e);
        return thrown[0];
    }

    private static int triplePort(ServiceBean<?> provider) {
        return ((ModuleModel) provider.getScopeModel())
                .getServiceRepository().getExportedServices().stream()
                        .flatMap(model -> model.getServiceUrls().stream())
                        .filter(url -> "tri".equals(url.getProtocol()))
                        .mapToInt(URL::getPort)
                        .findFirst()
                        .orElseThrow();
    }

    private static ShippingAddress address(String line1) {
        return new ShippingAddress("Alice Liddell", "+8613800138000", "Zhejiang", "Hangzhou", "Xihu", line1, "310000");
    }

    private long insertUser(String nickname) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO app_user (email, nickname) VALUES (?, ?)")
                .params(nickname.toLowerCase() + "-" + UUID.randomUUID() + "@example.org", nickname)
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }
}
