package io.shop.testsupport;

import java.nio.charset.StandardCharsets;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.ExponentialBackoffRetry;

/**
 * An operator's edits of a service's settings in ZooKeeper, in the layout Spring Cloud ZooKeeper
 * Config reads and {@code ./shop config push} writes: one node per property, {@code
 * <root>/<service>/<property>}. Closing it removes the service's settings under that root, so a
 * test under a root of its own leaves nothing behind.
 */
public final class ZookeeperConfig implements AutoCloseable {

    private final CuratorFramework zookeeper;
    private final String folder;

    private ZookeeperConfig(CuratorFramework zookeeper, String folder) {
        this.zookeeper = zookeeper;
        this.folder = folder;
    }

    /** The settings of {@code service} under {@code root} (the services' {@code spring.cloud.zookeeper.config.root}). */
    public static ZookeeperConfig of(String connectString, String root, String service) throws InterruptedException {
        CuratorFramework zookeeper =
                CuratorFrameworkFactory.newClient(connectString, new ExponentialBackoffRetry(200, 5));
        zookeeper.start();
        zookeeper.blockUntilConnected();
        return new ZookeeperConfig(zookeeper, root + "/" + service);
    }

    public void set(String property, String value) throws Exception {
        byte[] data = value.getBytes(StandardCharsets.UTF_8);
        String path = folder + "/" + property;
        if (zookeeper.checkExists().forPath(path) == null) {
            zookeeper.create().creatingParentsIfNeeded().forPath(path, data);
        } else {
            zookeeper.setData().forPath(path, data);
        }
    }

    public void remove(String property) throws Exception {
        String path = folder + "/" + property;
        if (zookeeper.checkExists().forPath(path) != null) {
            zookeeper.delete().forPath(path);
        }
    }

    /** Removes every setting of the service here, then disconnects. */
    @Override
    public void close() throws Exception {
        try {
            if (zookeeper.checkExists().forPath(folder) != null) {
                zookeeper.delete().deletingChildrenIfNeeded().forPath(folder);
            }
        } finally {
            zookeeper.close();
        }
    }
}
