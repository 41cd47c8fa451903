package io.shop.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.alibaba.csp.sentinel.adapter.gateway.common.rule.GatewayRuleManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.ExponentialBackoffRetry;

/**
 * The committed gateway rules ({@value #FILE}, from the gateway module's folder, where Maven runs
 * its tests), written to an in-process gateway's own rules node as {@code ./shop config push}
 * writes them to the shop's.
 */
public final class CommittedGatewayRules {

    public static final String FILE = "../infra/config/sentinel/gateway-flow-rules.json";

    private CommittedGatewayRules() {}

    /** Writes the committed rules at the node and waits until this JVM's gateway has loaded them. */
    public static void writeTo(String zookeeper, String path) throws Exception {
        byte[] rules = Files.readAllBytes(Path.of(FILE));
        try (CuratorFramework zk = connected(zookeeper)) {
            if (zk.checkExists().forPath(path) == null) {
                zk.create().creatingParentsIfNeeded().forPath(path, rules);
            } else {
                zk.setData().forPath(path, rules);
            }
        }
        await().atMost(Duration.ofSeconds(30))
                .until(() -> !GatewayRuleManager.getRulesForResource(AnonymousAuthApi.NAME)
                        .isEmpty());
    }

    /** Removes the node (or folder) and what lies under it. */
    public static void remove(String zookeeper, String path) throws Exception {
        try (CuratorFramework zk = connected(zookeeper)) {
            if (zk.checkExists().forPath(path) != null) {
                zk.delete().deletingChildrenIfNeeded().forPath(path);
            }
        }
    }

    private static CuratorFramework connected(String zookeeper) throws InterruptedException {
        CuratorFramework zk = CuratorFrameworkFactory.newClient(zookeeper, new ExponentialBackoffRetry(200, 3));
        zk.start();
        assertThat(zk.blockUntilConnected(10, TimeUnit.SECONDS)).isTrue();
        return zk;
    }
}
