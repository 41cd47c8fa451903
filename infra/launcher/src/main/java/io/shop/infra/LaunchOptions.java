package io.shop.infra;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The command line: {@code [--data DIR] [--only a,b] [--infra DIR]}.
 *
 * @param dataDir everything the middleware writes goes under here
 * @param only the parts to start, from {@link #ALL}
 * @param infraDir the {@code infra/} folder whose {@code seata-server/} and {@code
 *     elasticsearch-node/} modules hold the child JVMs' class paths
 */
record LaunchOptions(Path dataDir, List<String> only, Path infraDir) {

    static final List<String> ALL = List.of("zookeeper", "rocketmq", "seata", "elasticsearch", "provider");

    static final String USAGE =
            "usage: java -jar infra-launcher.jar [--data DIR] [--only " + String.join(",", ALL) + "] [--infra DIR]";

    boolean wants(String part) {
        return only.contains(part);
    }

    static LaunchOptions parse(String... args) {
        Path data = Path.of(".shop", "data");
        List<String> only = ALL;
        Path infra = defaultInfraDir();
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--data" -> data = Path.of(required(args[i], value));
                case "--only" -> only = parts(required(args[i], value));
                case "--infra" -> infra = Path.of(required(args[i], value));
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
            i++;
        }
        return new LaunchOptions(
                data.toAbsolutePath().normalize(), only, infra.toAbsolutePath().normalize());
    }

    /** {@code infra/launcher/target/infra-launcher.jar} (or {@code .../target/classes}) → {@code infra/}. */
    private static Path defaultInfraDir() {
        String first = System.getProperty("java.class.path").split(File.pathSeparator)[0];
        Path target = Path.of(first).toAbsolutePath().getParent();
        return target.getParent().getParent();
    }

    private static String required(String option, String value) {
        if (value == null || value.startsWith("--")) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return value;
    }

    private static List<String> parts(String list) {
        List<String> parts = new ArrayList<>();
        for (String part : Arrays.stream(list.split(",")).map(String::trim).toList()) {
            if (!ALL.contains(part)) {
                throw new IllegalArgumentException("unknown part '" + part + "', known: " + ALL);
            }
            parts.add(part);
        }
        return ALL.stream().filter(parts::contains).toList();
    }
}
