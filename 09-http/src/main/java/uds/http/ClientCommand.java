package uds.http;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import uds.support.Printable;

/**
 * Lesson 09's client command: one request to the agent (or any HTTP service on a Unix
 * socket), by the client chosen with --via, the answer's body printed line by line, escaped.
 * An answer of 400 or more is also one error line, and exit 1.
 */
final class ClientCommand {

    /** The clients, each tested against the same server: the JDK by hand, and three libraries. */
    enum Via { JDK, JETTY, APACHE, OKHTTP }

    /** An answer's status line, as each client reports it. */
    record Status(int code, String reason) {
    }

    static void run(Path socket, Via via, String method, String target, String content, PrintStream out)
            throws IOException {
        byte[] bytes = content == null ? null : content.getBytes(StandardCharsets.UTF_8);
        BodyLines lines = new BodyLines(out);
        Status status = switch (via) {
            case JDK -> JdkHttpClient.exchange(socket, method, target, bytes, lines::accept);
            case JETTY -> JettyHttpClient.exchange(socket, method, target, bytes, lines::accept);
            case APACHE -> ApacheHttpClient.exchange(socket, method, target, bytes, lines::accept);
            case OKHTTP -> OkHttpUnixClient.exchange(socket, method, target, bytes, lines::accept);
        };
        lines.finish();
        if (status.code() >= 400) {
            throw new IOException("HTTP " + status.code() + " " + Printable.line(status.reason()));
        }
    }

    private ClientCommand() {
    }
}
