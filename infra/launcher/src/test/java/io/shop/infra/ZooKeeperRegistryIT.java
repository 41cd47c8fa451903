package io.shop.infra;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.junit.jupiter.api.Test;

/** Runs against the ZooKeeper server that the launcher started. */
class ZooKeeperRegistryIT {

    private static final String ADDRESS = ZooKeeperNode.ADDRESS;

    @Test
    void ephemeralNodeIsSeenByAnotherClientUntilItsOwnerDisconnects() throws Exception {
        String path = "/shop-selftest-" + UUID.randomUUID();
        byte[] address = "an instance of some service".getBytes(UTF_8);
        ZooKeeper owner = connect();
        ZooKeeper reader = connect();
        try {
            owner.create(path, address, ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.EPHEMERAL);

            assertThat(reader.getData(path, false, null)).isEqualTo(address);

            owner.close();
            await().atMost(Duration.ofSeconds(20)).until(() -> reader.exists(path, false) == null);
        } finally {
            owner.close();
            reader.close();
        }
    }

    private static ZooKeeper connect() throws Exception {
        CountDownLatch connected = new CountDownLatch(1);
        ZooKeeper client = new ZooKeeper(ADDRESS, 10_000, event -> {
            if (event.getState() == Watcher.Event.KeeperState.SyncConnected) {
                connected.countDown();
            }
        });
        assertThat(connected.await(10, TimeUnit.SECONDS))
                .as("connected to " + ADDRESS)
                .isTrue();
        return client;
    }
}
