package io.shop.infra;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.server.ServerConfig;
import org.apache.zookeeper.server.ZooKeeperServerMain;
import org.apache.zookeeper.server.quorum.QuorumPeerConfig;

/** A standalone ZooKeeper 3.9 server in this JVM on 127.0.0.1:2181, without the admin HTTP server. */
final class ZooKeeperNode implements Middleware {

    static final String ADDRESS = "127.0.0.1:2181";

    private final Path dataDir;
    private final Server server = new Server();
    private Thread thread;
    private volatile Throwable failure;

    ZooKeeperNode(Path dataDir) {
        this.dataDir = dataDir.resolve("zookeeper");
    }

    /** Exposes the protected shutdown. */
    private static final class Server extends ZooKeeperServerMain {
        void stop() {
            shutdown();
        }
    }

    @Override
    public String name() {
        return "zookeeper";
    }

    @Override
    public boolean separateJvm() {
        return false;
    }

    @Override
    public void start() throws Exception {
        Properties properties = new Properties();
        properties.setProperty("dataDir", dataDir.toString());
        properties.setProperty("clientPortAddress", "127.0.0.1");
        properties.setProperty("clientPort", "2181");
        properties.setProperty("tickTime", "2000");
        // every service and test connects from 127.0.0.1; the default of 60 per address is too few
        properties.setProperty("maxClientCnxns", "0");
        // unknown keys become zookeeper.* system properties: this one turns off the Jetty admin server
        properties.setProperty("admin.enableServer", "false");
        QuorumPeerConfig peerConfig = new QuorumPeerConfig();
        peerConfig.parseProperties(properties);
        ServerConfig config = new ServerConfig();
        config.readFrom(peerConfig);
        thread = new Thread(() -> run(config), "zookeeper-server");
        thread.start();
    }

    private void run(ServerConfig config) {
        try {
            server.runFromConfig(config);
        } catch (Throwable e) { // an Error here (a missing class) would otherwise only end the thread
            failure = e;
        }
    }

    @Override
    public String awaitReady(Duration timeout) throws Exception {
        return Polling.until(timeout, () -> {
            if (failure != null) {
                throw new IllegalStateException("server stopped: " + failure, failure);
            }
            createReadDelete();
            return ADDRESS;
        });
    }

    private static void createReadDelete() throws Exception {
        CountDownLatch connected = new CountDownLatch(1);
        ZooKeeper client = new ZooKeeper(ADDRESS, 10_000, event -> {
            if (event.getState() == Watcher.Event.KeeperState.SyncConnected) {
                connected.countDown();
            }
        });
        try {
            if (!connected.await(5, TimeUnit.SECONDS)) {
                throw new IOException("client did not connect");
            }
            byte[] data = UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8);
            String path = client.create(
                    "/shop-launcher-check-", data, ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.EPHEMERAL_SEQUENTIAL);
            if (!Arrays.equals(client.getData(path, false, null), data)) {
                throw new IOException("read back other data than written at " + path);
            }
            client.delete(path, -1);
        } finally {
            client.close();
        }
    }

    @Override
    public String logHint() {
        return "this launcher's output";
    }

    @Override
    public void stop() {
        server.stop();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
