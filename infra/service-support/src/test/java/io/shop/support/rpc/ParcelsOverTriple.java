package io.shop.support.rpc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.apache.dubbo.config.ApplicationConfig;
import org.apache.dubbo.config.ProtocolConfig;
import org.apache.dubbo.config.ProviderConfig;
import org.apache.dubbo.config.ReferenceConfig;
import org.apache.dubbo.config.RegistryConfig;
import org.apache.dubbo.config.ServiceConfig;
import org.apache.dubbo.config.bootstrap.DubboBootstrap;
import org.apache.dubbo.rpc.service.GenericService;

/**
 * A {@link Parcels} provider on a free loopback port and two callers of it over triple, each in
 * its own Dubbo application: one with the interface, one generic (without it). No registry.
 */
final class ParcelsOverTriple implements AutoCloseable {

    static {
        // as ShopDefaults does for the services: Dubbo takes 127.x for "no address" otherwise
        System.setProperty("DUBBO_IP_TO_BIND", "::ffff:127.0.0.1");
    }

    private final DubboBootstrap provider;
    private final DubboBootstrap consumer;
    private final Parcels typed;
    private final GenericService generic;

    ParcelsOverTriple() {
        int port = freePort();
        ServiceConfig<Parcels> service = new ServiceConfig<>();
        service.setInterface(Parcels.class);
        service.setRef(new Parcels.Counter());
        ProviderConfig providerDefaults = new ProviderConfig();
        providerDefaults.setFilter("-exception"); // as shop-defaults.yml
        provider = DubboBootstrap.newInstance()
                .application(application("parcels-provider"))
                .registry(new RegistryConfig(RegistryConfig.NO_AVAILABLE))
                .protocol(new ProtocolConfig("tri", port))
                .provider(providerDefaults)
                .service(service)
                .start();

        String url = "tri://::ffff:127.0.0.1:" + port;
        ReferenceConfig<Parcels> typedReference = reference(url);
        typedReference.setInterface(Parcels.class);
        ReferenceConfig<GenericService> genericReference = reference(url);
        genericReference.setInterface(Parcels.class.getName());
        genericReference.setGeneric("true");
        consumer = DubboBootstrap.newInstance()
                .application(application("parcels-consumer"))
                .reference(typedReference)
                .reference(genericReference)
                .start();
        typed = typedReference.get();
        generic = genericReference.get();
    }

    Parcels typed() {
        return typed;
    }

    GenericService generic() {
        return generic;
    }

    @Override
    public void close() {
        consumer.stop();
        provider.stop();
    }

    private static ApplicationConfig application(String name) {
        ApplicationConfig application = new ApplicationConfig(name);
        application.setQosEnable(false);
        application.setSerializeCheckStatus("STRICT");
        return application;
    }

    private static <T> ReferenceConfig<T> reference(String url) {
        ReferenceConfig<T> reference = new ReferenceConfig<>();
        reference.setUrl(url);
        reference.setTimeout(3000);
        reference.setRetries(0);
        return reference;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
