package io.shop.infra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A middleware process started as {@code java <jvm args> -cp <class path> <main> <args>}, with the
 * class path a side module wrote to its {@code target/classpath.txt}, so its libraries never meet
 * the launcher's. It runs in its work folder, which is also its home and holds its temp folder;
 * output goes to one log file.
 */
final class ChildJvm {

    private static final Duration GRACE = Duration.ofSeconds(30);

    private final Path classpathFile;
    private final List<String> command;
    private final Path workDir;
    private final Path log;
    private Process process;

    ChildJvm(Path classpathFile, List<String> jvmArgs, String mainClass, List<String> args, Path workDir, Path log) {
        this.classpathFile = classpathFile;
        this.command = new ArrayList<>(jvmArgs);
        this.command.add(mainClass);
        this.command.addAll(args);
        this.workDir = workDir;
        this.log = log;
    }

    void start() throws IOException {
        if (!Files.isRegularFile(classpathFile)) {
            throw new IllegalStateException(classpathFile + " is missing; build it first: ./mvnw -pl "
                    + "infra/seata-server,infra/elasticsearch-node,infra/launcher -am install -DskipTests");
        }
        Path tmp = Files.createDirectories(workDir.resolve("tmp"));
        Files.createDirectories(log.getParent());
        List<String> full = new ArrayList<>();
        full.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        full.add("-cp");
        full.add(Files.readString(classpathFile).trim());
        // home and temp folder inside the data folder: Tomcat, JNA and friends write there
        full.add("-Duser.home=" + workDir);
        full.add("-Djava.io.tmpdir=" + tmp);
        full.addAll(command);
        process = new ProcessBuilder(full)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
    }

    Path log() {
        return log;
    }

    /** @throws IllegalStateException when the process has exited: it will not become ready any more */
    void ensureAlive() {
        if (!process.isAlive()) {
            throw new IllegalStateException("its JVM exited with code " + process.exitValue());
        }
    }

    /** SIGTERM (the child's shutdown hooks close its stores), then SIGKILL after a grace period. */
    void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(GRACE.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
