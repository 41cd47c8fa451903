package io.shop.infra;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.yaml.snakeyaml.Yaml;

/**
 * {@code ./shop config push [--force]}: writes the committed operator settings of {@code
 * infra/config} into ZooKeeper, where the services import them from (Spring Cloud ZooKeeper
 * Config: one node per property, {@code /config/<service>/<key>}; {@code application.yml} goes to
 * the context every service reads, {@code /config/application}), and the Sentinel rules of {@code
 * infra/config/sentinel}: each {@code <name>.json} is the node {@value #RULES_ROOT}{@code /<name>}
 * the gateway and the services watch. A node that is already there keeps its value, since an
 * operator may have changed it, unless {@code --force}.
 *
 * <p>Arguments: {@code <folder> <zookeeper address> [--force]}.
 */
public final class ConfigPush {

    static final String ROOT = "/config";
    /** The services' {@code shop.sentinel.rules-root} (service-support's shop-defaults.yml). */
    static final String RULES_ROOT = "/shop/config/sentinel";

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: ConfigPush <folder> <zookeeper address> [--force]");
            System.exit(2);
        }
        boolean force = List.of(args).contains("--force");
        Map<String, String> nodes = nodesOf(Path.of(args[0]), ROOT);
        nodes.putAll(rulesOf(Path.of(args[0], "sentinel"), RULES_ROOT));
        try (ZooKeeper zookeeper = connect(args[1])) {
            Result result = push(zookeeper, nodes, force);
            System.out.printf(
                    "config push: %d written, %d kept as they were in ZooKeeper%s%n",
                    result.written(), result.kept(), result.kept() > 0 ? " (--force overwrites them)" : "");
        }
    }

    record Result(int written, int kept) {}

    /** Writes every node that is missing (every node, with {@code force}). */
    static Result push(ZooKeeper zookeeper, Map<String, String> nodes, boolean force)
            throws KeeperException, InterruptedException {
        int written = 0;
        for (Map.Entry<String, String> node : nodes.entrySet()) {
            if (write(zookeeper, node.getKey(), node.getValue(), force)) {
                written++;
            }
        }
        return new Result(written, nodes.size() - written);
    }

    /** Node path under {@code root} to value, for every property of every {@code <context>.yml} of the folder. */
    static Map<String, String> nodesOf(Path folder, String root) throws IOException {
        Map<String, String> nodes = new TreeMap<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".yml")).sorted().toList()) {
                String context = file.getFileName().toString().replaceFirst("\\.yml$", "");
                try (InputStream in = Files.newInputStream(file)) {
                    Object document = new Yaml().load(in);
                    if (document instanceof Map<?, ?> map) {
                        flatten("", map, (key, value) -> nodes.put(root + "/" + context + "/" + key, value));
                    }
                }
            }
        }
        return nodes;
    }

    /** Node path under {@code root} to content, for every {@code <name>.json} of the folder (none without it). */
    static Map<String, String> rulesOf(Path folder, String root) throws IOException {
        Map<String, String> nodes = new TreeMap<>();
        if (!Files.isDirectory(folder)) {
            return nodes;
        }
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                nodes.put(
                        root + "/" + file.getFileName().toString().replaceFirst("\\.json$", ""),
                        Files.readString(file));
            }
        }
        return nodes;
    }

    private static void flatten(String prefix, Map<?, ?> map, java.util.function.BiConsumer<String, String> sink) {
        map.forEach((key, value) -> {
            String name = prefix.isEmpty() ? key.toString() : prefix + "." + key;
            if (value instanceof Map<?, ?> nested) {
                flatten(name, nested, sink);
            } else if (value instanceof List<?> list) {
                for (int i = 0; i < list.size(); i++) {
                    sink.accept(name + "[" + i + "]", String.valueOf(list.get(i)));
                }
            } else {
                sink.accept(name, value == null ? "" : value.toString());
            }
        });
    }

    private static boolean write(ZooKeeper zookeeper, String path, String value, boolean force)
            throws KeeperException, InterruptedException {
        byte[] data = value.getBytes(StandardCharsets.UTF_8);
        if (zookeeper.exists(path, false) != null) {
            if (!force) {
                return false;
            }
            zookeeper.setData(path, data, -1);
            return true;
        }
        createParents(zookeeper, path.substring(0, path.lastIndexOf('/')));
        zookeeper.create(path, data, ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
        return true;
    }

    private static void createParents(ZooKeeper zookeeper, String path) throws KeeperException, InterruptedException {
        StringBuilder at = new StringBuilder();
        for (String part : path.substring(1).split("/")) {
            at.append('/').append(part);
            try {
                zookeeper.create(at.toString(), new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
            } catch (KeeperException.NodeExistsException alreadyThere) {
                // fine
            }
        }
    }

    static ZooKeeper connect(String address) throws IOException, InterruptedException {
        CountDownLatch connected = new CountDownLatch(1);
        ZooKeeper zookeeper = new ZooKeeper(address, 15_000, event -> {
            if (event.getState() == Watcher.Event.KeeperState.SyncConnected) {
                connected.countDown();
            }
        });
        if (!connected.await(30, TimeUnit.SECONDS)) {
            zookeeper.close();
            throw new IOException("ZooKeeper at " + address + " did not answer within 30 s");
        }
        return zookeeper;
    }

    private ConfigPush() {}
}
