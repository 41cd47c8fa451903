package io.shop.gateway.edge;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * HTTP/1.1 by hand, for requests no client library sends as written (an undecodable line, a raw
 * {@code %00}, a body announced but never sent). Reads the answer until the server closes.
 */
final class RawHttp {

    record Response(int status, String headers, String body) {

        String header(String name) {
            for (String line : headers.split("\r\n")) {
                if (line.toLowerCase(Locale.ROOT).startsWith(name.toLowerCase(Locale.ROOT) + ":")) {
                    return line.substring(name.length() + 1).trim();
                }
            }
            return null;
        }
    }

    private final int port;

    RawHttp(int port) {
        this.port = port;
    }

    /** Sends {@code head} (request line and headers, without the blank line), then {@code body}. */
    Response send(String head, byte[] body) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write((head + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            try {
                out.write(body);
                out.flush();
            } catch (SocketException closedBeforeTheBodyWasRead) {
                // the answer may already be on its way: read it
            }
            return parse(readUntilClosed(socket.getInputStream()));
        }
    }

    private static byte[] readUntilClosed(InputStream in) throws IOException {
        var all = new ByteArrayOutputStream();
        byte[] chunk = new byte[8192];
        try {
            for (int n; (n = in.read(chunk)) > 0; ) {
                all.write(chunk, 0, n);
            }
        } catch (SocketException reset) {
            // what arrived before the reset is the answer
        }
        return all.toByteArray();
    }

    private static Response parse(byte[] raw) {
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            throw new IllegalStateException("no complete response: " + text);
        }
        String head = text.substring(0, end);
        String body = text.substring(end + 4);
        int status = Integer.parseInt(head.substring(9, 12));
        var response = new Response(status, head.substring(head.indexOf("\r\n") + 2), body);
        return "chunked".equalsIgnoreCase(response.header("Transfer-Encoding"))
                ? new Response(status, response.headers(), dechunk(body))
                : response;
    }

    private static String dechunk(String body) {
        var plain = new StringBuilder();
        int at = 0;
        while (true) {
            int lineEnd = body.indexOf("\r\n", at);
            int size = Integer.parseInt(body.substring(at, lineEnd).trim(), 16);
            if (size == 0) {
                return plain.toString();
            }
            plain.append(body, lineEnd + 2, lineEnd + 2 + size);
            at = lineEnd + 2 + size + 2;
        }
    }
}
