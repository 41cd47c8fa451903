package io.shop.infra.elasticsearch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.elasticsearch.common.logging.LogConfigurator;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.node.InternalSettingsPreparer;
import org.elasticsearch.node.Node;
import org.elasticsearch.transport.Netty4Plugin;

/**
 * One Elasticsearch 7.17 node for local runs and tests: single-node discovery, HTTP on
 * 127.0.0.1:9200, transport on 127.0.0.1:9300, everything it writes under the home folder given as
 * the only argument. Runs until the JVM is told to stop; a shutdown hook closes the node so its
 * data is flushed.
 *
 * <p>The plain {@link Node} constructor only loads plugins from {@code path.home/plugins}; the
 * protected one takes class-path plugins, which is how the Netty HTTP transport gets in.
 */
public final class EmbeddedElasticsearchNode extends Node {

    private EmbeddedElasticsearchNode(Settings settings) {
        super(
                InternalSettingsPreparer.prepareEnvironment(settings, java.util.Map.of(), null, () -> "shop-es"),
                List.of(Netty4Plugin.class),
                false);
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: EmbeddedElasticsearchNode <home folder>");
            System.exit(2);
        }
        // the launcher's JVM already sized Netty; Elasticsearch would otherwise fail to set it again
        System.setProperty("es.set.netty.runtime.available.processors", "false");
        Path home = Path.of(args[0]).toAbsolutePath();
        Settings settings = settings(home);
        LogConfigurator.configureWithoutConfig(settings);

        Node node = new EmbeddedElasticsearchNode(settings);
        CountDownLatch closed = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> close(node, closed), "es-shutdown"));
        node.start();
        closed.await();
    }

    static Settings settings(Path home) throws java.io.IOException {
        Files.createDirectories(home.resolve("data"));
        Files.createDirectories(home.resolve("logs"));
        return Settings.builder()
                .put("cluster.name", "shop")
                .put("node.name", "shop-es")
                .put("path.home", home.toString())
                .put("path.data", home.resolve("data").toString())
                .put("path.logs", home.resolve("logs").toString())
                .put("discovery.type", "single-node")
                .put("network.host", "127.0.0.1")
                .put("http.port", "9200")
                .put("transport.port", "9300")
                // CI disks are often more than 90 % full; the watermarks would block writes
                .put("cluster.routing.allocation.disk.threshold_enabled", false)
                .put("action.auto_create_index", true)
                // without a log4j2.properties the node logs errors only; warnings are worth seeing
                .put("logger.level", "WARN")
                .build();
    }

    private static void close(Node node, CountDownLatch closed) {
        try {
            node.close();
        } catch (Exception e) {
            System.err.println("closing the Elasticsearch node failed: " + e);
        } finally {
            closed.countDown();
        }
    }
}
