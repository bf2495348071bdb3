package org.venuegate.hub;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** One HTTP/1.1 exchange written by hand, for bytes no client library sends (a bare '%', raw non-ASCII, NUL). */
final class RawHttp {
    private RawHttp() {
    }

    /** An answer: its status (0 when the server closed without one) and the rest of the bytes as text. */
    record Answer(int status, String text) {
    }

    /** Sends {@code head} (request line and headers, "Connection: close" among them) and {@code body}; reads to EOF. */
    static Answer exchange(int port, byte[] head, byte[] body) throws IOException {
        try (Socket s = new Socket("localhost", port)) {
            s.setSoTimeout(60_000);
            OutputStream out = s.getOutputStream();
            out.write(head);
            out.write(body);
            out.flush();
            InputStream in = s.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            if (!answer.startsWith("HTTP/1.1 ") || answer.length() < 12) {
                return new Answer(0, answer.isEmpty() ? "connection closed without an answer" : answer);
            }
            int bodyAt = answer.indexOf("\r\n\r\n");
            return new Answer(Integer.parseInt(answer.substring(9, 12)), bodyAt < 0 ? "" : answer.substring(bodyAt + 4));
        }
    }

    /** A GET of a raw target (bytes as ISO-8859-1 characters) with an optional bearer token. */
    static Answer get(int port, String target, String token) throws IOException {
        String head = "GET " + target + " HTTP/1.1\r\nHost: localhost:" + port + "\r\nConnection: close\r\n"
                + (token == null ? "" : "Authorization: Bearer " + token + "\r\n") + "\r\n";
        return exchange(port, head.getBytes(StandardCharsets.ISO_8859_1), new byte[0]);
    }
}
