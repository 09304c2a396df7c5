package uds.exercises.http;

import java.nio.charset.StandardCharsets;

/**
 * Exercise 09.1: an HTTP/1.1 request written by hand, as the lesson's JDK client sends it.
 * (Walkthrough 09, step 4. Checked by RequestTextTest.)
 */
final class RequestText {

    /**
     * The bytes of one request for target, with body (null for none): the server must answer
     * it, and then close the connection, so that the end of its answer is the end of the stream.
     */
    static byte[] of(String method, String target, byte[] body) {
        // TODO: HTTP/1.1 requires one header here; two more make the answer end and carry the body
        String head = method + " " + target + " HTTP/1.1\r\n\r\n";
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
