package io.shop.infra;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The Seata server ({@code io.seata:seata-server} 2.0.0, a Spring Boot 2.7 app) in a child JVM:
 * transaction coordinator on 127.0.0.1:8091, console on 127.0.0.1:7091, file store and logs under
 * the data folder.
 *
 * <p>Seata's own command line rejects unknown arguments, so Spring settings go in as system
 * properties. Seata 2.0 binds 8091 on every interface ({@code -h} only sets the address it
 * registers), so the JVM runs with infra-seata-server's LoopbackBind agent.
 */
final class SeataServer extends ChildJvmMiddleware {

    static final String HOST = "127.0.0.1";
    static final int PORT = 8091;
    static final int CONSOLE_PORT = 7091;

    // Seata protocol v1 (io.seata.core.protocol.ProtocolConstants): magic 0xdada, version 1
    private static final short MAGIC = (short) 0xdada;
    private static final byte VERSION = 1;
    private static final short HEAD_LENGTH = 16;
    private static final byte HEARTBEAT_REQUEST = 3;
    private static final byte HEARTBEAT_RESPONSE = 4;
    private static final byte CODEC_SEATA = 1;
    private static final byte NO_COMPRESSION = 0;

    SeataServer(Path classpathFile, Path dataDir) {
        super(childJvm(classpathFile, dataDir));
    }

    private static ChildJvm childJvm(Path classpathFile, Path dataDir) {
        Path home = dataDir.resolve("seata");
        return new ChildJvm(
                classpathFile,
                List.of(
                        "-Xms256m",
                        "-Xmx256m",
                        "-XX:+UseSerialGC",
                        // Seata 2.0.0 binds its port on every interface; the agent keeps it on HOST
                        "-javaagent:" + classpathFile.resolveSibling("infra-seata-server.jar") + "=" + HOST,
                        "-Dserver.address=" + HOST,
                        "-Dserver.port=" + CONSOLE_PORT,
                        "-Dseata.store.file.dir=" + home.resolve("sessionStore"),
                        "-Dlogging.file.path=" + dataDir.resolve("logs").resolve("seata")),
                "io.seata.server.ServerApplication",
                List.of("-h", HOST, "-p", Integer.toString(PORT), "-m", "file"),
                home,
                dataDir.resolve("logs").resolve("seata.log"));
    }

    @Override
    public String name() {
        return "seata";
    }

    @Override
    public String awaitReady(Duration timeout) throws Exception {
        return Polling.until(timeout, () -> {
            jvm.ensureAlive();
            heartbeat();
            consoleAnswers();
            return HOST + ":" + PORT + " console=http://" + HOST + ":" + CONSOLE_PORT;
        });
    }

    /** A heartbeat in Seata's own wire protocol: the coordinator answers PONG without registration. */
    private static void heartbeat() throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(HOST, PORT), 2000);
            socket.setSoTimeout(3000);
            int requestId = (int) (System.nanoTime() & 0x7fffffff);
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            out.writeShort(MAGIC);
            out.writeByte(VERSION);
            out.writeInt(HEAD_LENGTH); // full length: head only, a heartbeat has no body
            out.writeShort(HEAD_LENGTH);
            out.writeByte(HEARTBEAT_REQUEST);
            out.writeByte(CODEC_SEATA);
            out.writeByte(NO_COMPRESSION);
            out.writeInt(requestId);
            out.flush();
            DataInputStream in = new DataInputStream(socket.getInputStream());
            byte[] head = new byte[HEAD_LENGTH];
            in.readFully(head);
            if (head[0] != (byte) 0xda || head[1] != (byte) 0xda || head[9] != HEARTBEAT_RESPONSE) {
                throw new IOException("8091 answered something other than a Seata heartbeat response");
            }
        }
    }

    private void consoleAnswers() throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + HOST + ":" + CONSOLE_PORT + "/"))
                .timeout(Duration.ofSeconds(3))
                .build();
        int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        if (status != 200) {
            throw new IOException("console answered HTTP " + status);
        }
    }
}
