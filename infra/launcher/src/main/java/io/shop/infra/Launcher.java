package io.shop.infra;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * Starts the shop's middleware on 127.0.0.1 (ZooKeeper and RocketMQ in this JVM, Seata and
 * Elasticsearch in child JVMs), waits until each answers a real client, prints {@code READY} lines
 * and then {@code ALL READY}, and stays in the foreground. SIGTERM or SIGINT stops everything in
 * reverse order and exits 0; a part that fails or does not answer in time stops everything and
 * exits 1. MariaDB and Redis are the machine's: they are only checked.
 */
public final class Launcher {

    private static final Logger LOG = LoggerFactory.getLogger(Launcher.class);
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);

    private final List<Middleware> parts;
    private final Deque<Middleware> started = new ArrayDeque<>();
    private final long startNanos = System.nanoTime();
    private boolean stopping;

    private Launcher(List<Middleware> parts) {
        this.parts = parts;
    }

    public static void main(String[] args) throws Exception {
        LaunchOptions options;
        try {
            options = LaunchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage() + "\n" + LaunchOptions.USAGE);
            System.exit(2);
            return;
        }
        RocketMqNodes.configureJvm(options.dataDir());
        Files.createDirectories(options.dataDir());

        Launcher launcher = new Launcher(parts(options));
        Runtime.getRuntime().addShutdownHook(new Thread(launcher::stopAll, "launcher-stop"));
        // replacing the JVM's own handlers makes a requested stop exit 0 instead of 143/130
        for (String signal : List.of("TERM", "INT")) {
            Signal.handle(new Signal(signal), s -> System.exit(0));
        }
        LOG.info("data folder {}", options.dataDir());
        if (!MachineServices.check() || !launcher.startChildJvms() || !launcher.bringUp()) {
            System.exit(1);
        }
        LOG.info("ALL READY ({} s); stop with SIGTERM or Ctrl-C", launcher.seconds());
        Thread.currentThread().join();
    }

    private static List<Middleware> parts(LaunchOptions options) {
        Path infra = options.infraDir();
        Path data = options.dataDir();
        List<Middleware> parts = new ArrayList<>();
        if (options.wants("zookeeper")) {
            parts.add(new ZooKeeperNode(data));
        }
        if (options.wants("rocketmq")) {
            parts.add(new RocketMqNodes(data));
        }
        if (options.wants("seata")) {
            parts.add(new SeataServer(infra.resolve("seata-server/target/classpath.txt"), data));
        }
        if (options.wants("elasticsearch")) {
            parts.add(new ElasticsearchNode(infra.resolve("elasticsearch-node/target/classpath.txt"), data));
        }
        if (options.wants("provider")) {
            parts.add(new PaymentProvider());
        }
        return parts;
    }

    /** Child JVMs first: they boot while this JVM brings up ZooKeeper and RocketMQ. */
    private boolean startChildJvms() {
        return parts.stream().filter(Middleware::separateJvm).allMatch(this::start);
    }

    /** Starts the in-process parts one by one and waits for each part to answer, in order. */
    private boolean bringUp() {
        for (Middleware part : parts) {
            if (!part.separateJvm() && !start(part)) {
                return false;
            }
            try {
                String where = part.awaitReady(READY_TIMEOUT);
                LOG.info("READY {} {} ({} s)", part.name(), where, seconds());
            } catch (Exception e) {
                return failed(part, e);
            }
        }
        return true;
    }

    private synchronized boolean start(Middleware part) {
        if (stopping) {
            return false;
        }
        started.push(part); // pushed first: a half-started part may already hold ports or threads
        try {
            part.start();
            return true;
        } catch (Exception e) {
            return failed(part, e);
        }
    }

    private boolean failed(Middleware part, Exception e) {
        String reason = e.getMessage() == null ? e.toString() : e.getMessage();
        LOG.error("FAILED {}: {} (log: {})", part.name(), reason, part.logHint());
        return false;
    }

    private synchronized void stopAll() {
        stopping = true;
        while (!started.isEmpty()) {
            Middleware part = started.pop();
            try {
                part.stop();
                LOG.info("STOPPED {}", part.name());
            } catch (RuntimeException e) { // the parts after it must still be stopped
                LOG.error("stopping {} failed: {}", part.name(), e.toString());
            }
        }
    }

    private String seconds() {
        return String.format(Locale.ROOT, "%.1f", (System.nanoTime() - startNanos) / 1e9);
    }
}
