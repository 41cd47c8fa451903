package io.shop.gateway;

import java.util.Map;
import java.util.UUID;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.ExponentialBackoffRetry;
import org.apache.curator.x.discovery.ServiceDiscovery;
import org.apache.curator.x.discovery.ServiceDiscoveryBuilder;
import org.apache.curator.x.discovery.ServiceInstance;
import org.apache.curator.x.discovery.UriSpec;
import org.apache.curator.x.discovery.details.JsonInstanceSerializer;
import org.springframework.cloud.zookeeper.discovery.ZookeeperInstance;

/**
 * An instance of a service in ZooKeeper discovery, registered the way Spring Cloud ZooKeeper
 * registers one, for whatever listens at its port (nothing, for an instance that was killed and whose
 * session has not expired yet). Closing it removes the registration.
 */
final class RegisteredInstance implements AutoCloseable {

    private final CuratorFramework zookeeper;
    private final ServiceDiscovery<ZookeeperInstance> discovery;

    private RegisteredInstance(CuratorFramework zookeeper, ServiceDiscovery<ZookeeperInstance> discovery) {
        this.zookeeper = zookeeper;
        this.discovery = discovery;
    }

    /** @param root the services' {@code spring.cloud.zookeeper.discovery.root} */
    static RegisteredInstance register(String connectString, String root, String service, int port) throws Exception {
        CuratorFramework zookeeper =
                CuratorFrameworkFactory.newClient(connectString, new ExponentialBackoffRetry(200, 5));
        zookeeper.start();
        zookeeper.blockUntilConnected();
        String id = UUID.randomUUID().toString();
        ServiceInstance<ZookeeperInstance> ghost = ServiceInstance.<ZookeeperInstance>builder()
                .id(id)
                .name(service)
                .address("127.0.0.1")
                .port(port)
                .uriSpec(new UriSpec("{scheme}://{address}:{port}"))
                .payload(new ZookeeperInstance(id, service, Map.of()))
                .build();
        ServiceDiscovery<ZookeeperInstance> discovery = ServiceDiscoveryBuilder.builder(ZookeeperInstance.class)
                .client(zookeeper)
                .basePath(root)
                .serializer(new JsonInstanceSerializer<>(ZookeeperInstance.class))
                .thisInstance(ghost)
                .build();
        discovery.start();
        return new RegisteredInstance(zookeeper, discovery);
    }

    @Override
    public void close() throws Exception {
        try {
            discovery.close();
        } finally {
            zookeeper.close();
        }
    }
}
