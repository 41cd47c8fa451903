package io.shop.infra;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.apache.zookeeper.ZKUtil;
import org.apache.zookeeper.ZooKeeper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./shop config push} against the ZooKeeper server that the launcher started, under a root of its own. */
class ConfigPushIT {

    private final String root = "/shop-it/config-push-" + UUID.randomUUID();
    private ZooKeeper zookeeper;

    @TempDir
    Path folder;

    @BeforeEach
    void connect() throws Exception {
        zookeeper = ConfigPush.connect(ZooKeeperNode.ADDRESS);
    }

    @AfterEach
    void cleanUp() throws Exception {
        if (zookeeper.exists(root, false) != null) {
            ZKUtil.deleteRecursive(zookeeper, root);
        }
        zookeeper.close();
    }

    @Test
    void eachPropertyBecomesOneNodeOfItsServiceAndAnOperatorsValueIsKeptUnlessForced() throws Exception {
        Files.writeString(
                folder.resolve("order-service.yml"),
                """
                shop.order.switches:
                  checkout-open: true
                  flash-sales-open: false
                shop.order.hosts: [a, b]
                """);
        Map<String, String> nodes = ConfigPush.nodesOf(folder, root);
        String checkoutOpen = root + "/order-service/shop.order.switches.checkout-open";
        assertThat(nodes)
                .containsOnly(
                        Map.entry(checkoutOpen, "true"),
                        Map.entry(root + "/order-service/shop.order.switches.flash-sales-open", "false"),
                        Map.entry(root + "/order-service/shop.order.hosts[0]", "a"),
                        Map.entry(root + "/order-service/shop.order.hosts[1]", "b"));

        assertThat(ConfigPush.push(zookeeper, nodes, false)).isEqualTo(new ConfigPush.Result(4, 0));
        assertThat(value(checkoutOpen)).isEqualTo("true");

        zookeeper.setData(checkoutOpen, "false".getBytes(UTF_8), -1);
        assertThat(ConfigPush.push(zookeeper, nodes, false)).isEqualTo(new ConfigPush.Result(0, 4));
        assertThat(value(checkoutOpen)).isEqualTo("false");

        assertThat(ConfigPush.push(zookeeper, nodes, true)).isEqualTo(new ConfigPush.Result(4, 0));
        assertThat(value(checkoutOpen)).isEqualTo("true");
    }

    @Test
    void eachRulesFileBecomesTheNodeItsServiceWatches() throws Exception {
        Files.createDirectory(folder.resolve("sentinel"));
        Files.writeString(folder.resolve("sentinel/order-service-degrade-rules.json"), "[{\"grade\":2}]");
        Files.writeString(folder.resolve("sentinel/README.md"), "not rules");

        Map<String, String> nodes = ConfigPush.rulesOf(folder.resolve("sentinel"), root);

        assertThat(nodes).containsOnly(Map.entry(root + "/order-service-degrade-rules", "[{\"grade\":2}]"));
        assertThat(ConfigPush.push(zookeeper, nodes, false)).isEqualTo(new ConfigPush.Result(1, 0));
        assertThat(value(root + "/order-service-degrade-rules")).isEqualTo("[{\"grade\":2}]");
    }

    private String value(String path) throws Exception {
        return new String(zookeeper.getData(path, false, null), UTF_8);
    }
}
