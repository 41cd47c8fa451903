package io.shop.infra;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * MariaDB and Redis run on the machine, not in the launcher. Both are checked with a real round
 * trip before anything starts; when one does not answer, the launcher says how to start it.
 */
final class MachineServices {

    private static final Logger LOG = LoggerFactory.getLogger(MachineServices.class);
    private static final String HOST = "127.0.0.1";
    private static final int TIMEOUT_MILLIS = 3000;

    private MachineServices() {}

    /** @return true when both answer */
    static boolean check() {
        boolean mariadb = check(
                "mariadb",
                3306,
                MachineServices::mariadbGreeting,
                "start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd");
        boolean redis = check(
                "redis",
                6379,
                MachineServices::redisPong,
                "redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save \"\" --appendonly no"
                        + " --dir /var/lib/redis --logfile /var/log/redis/ci.log");
        return mariadb && redis;
    }

    @FunctionalInterface
    private interface Conversation {
        String talk(Socket socket) throws IOException;
    }

    private static boolean check(String name, int port, Conversation conversation, String howToStart) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(HOST, port), TIMEOUT_MILLIS);
            socket.setSoTimeout(TIMEOUT_MILLIS);
            LOG.info("READY {} {}:{} ({})", name, HOST, port, conversation.talk(socket));
            return true;
        } catch (IOException e) {
            LOG.error(
                    "FAILED {}: nothing usable answers on {}:{} ({}). It runs on the machine, not in the"
                            + " launcher; start it with:\n    {}",
                    name,
                    HOST,
                    port,
                    e.getMessage(),
                    howToStart);
            return false;
        }
    }

    /** Reads the server greeting: a 4-byte packet header, protocol version 10, the server version. */
    private static String mariadbGreeting(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        byte[] header = in.readNBytes(4);
        if (header.length < 4) {
            throw new IOException("connection closed before the greeting");
        }
        int protocol = in.read();
        if (protocol == 0xFF) {
            throw new IOException("server refused the connection: " + readLine(in, '\0'));
        }
        if (protocol != 10) {
            throw new IOException("not a MySQL/MariaDB greeting (protocol " + protocol + ")");
        }
        return "server " + readLine(in, '\0');
    }

    private static String redisPong(Socket socket) throws IOException {
        socket.getOutputStream().write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
        String reply = readLine(socket.getInputStream(), '\n').trim();
        if (!reply.equals("+PONG")) {
            throw new IOException("PING answered '" + reply + "'");
        }
        return "PONG";
    }

    private static String readLine(InputStream in, char end) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != -1 && b != end && line.size() < 256; b = in.read()) {
            line.write(b);
        }
        return line.toString(StandardCharsets.UTF_8);
    }
}
