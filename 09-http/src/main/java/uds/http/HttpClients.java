package uds.http;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import uds.support.Printable;

/**
 * Lesson 09's client command: one request to the agent (or any HTTP service on a Unix
 * socket), by the client library chosen with --via, the answer's body printed line by line,
 * escaped. An answer of 400 or more is also one error line, and exit 1.
 */
final class HttpClients {

    enum Via { JDK }

    static void run(Path socket, Via via, String method, String target, String content, PrintStream out)
            throws IOException {
        byte[] bytes = content == null ? null : content.getBytes(StandardCharsets.UTF_8);
        BodyLines lines = new BodyLines(out);
        JdkHttpClient.Head head = switch (via) {
            case JDK -> JdkHttpClient.exchange(socket, method, target, bytes, lines::accept);
        };
        lines.finish();
        if (head.status() >= 400) {
            throw new IOException("HTTP " + head.status() + " " + Printable.line(head.reason()));
        }
    }

    private HttpClients() {
    }
}
