package uds.exercises.http;

import java.nio.charset.StandardCharsets;

/**
 * Exercise 09.1, solved: Host (required by HTTP/1.1, meaningless on a Unix socket),
 * Connection: close (the answer ends with the stream), Content-Length (where the body ends).
 */
final class RequestText {

    static byte[] of(String method, String target, byte[] body) {
        String head = method + " " + target + " HTTP/1.1\r\n"
                + "Host: localhost\r\n"
                + "Connection: close\r\n"
                + (body == null ? "" : "Content-Length: " + body.length + "\r\n")
                + "\r\n";
        byte[] bytes = head.getBytes(StandardCharsets.US_ASCII);
        if (body == null) {
            return bytes;
        }
        byte[] all = new byte[bytes.length + body.length];
        System.arraycopy(bytes, 0, all, 0, bytes.length);
        System.arraycopy(body, 0, all, bytes.length, body.length);
        return all;
    }

    private RequestText() {
    }
}
