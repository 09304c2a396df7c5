package uds.exercises.abstractnamespace;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Exercise 02.3: an echo server's connection handler for a name every local user can reach,
 * so it must bound what one peer can make it hold. (Walkthrough 02, "What an attacker can try".
 * Checked by BoundedEchoTest.)
 */
final class BoundedEcho {

    /**
     * Echoes each line (up to '\n') back, until the peer hangs up. A line longer than maxLine
     * bytes is answered with "error: line too long\n" and the connection is closed: the server
     * never holds more than about maxLine bytes of a peer's line.
     */
    static void serve(Socket connection, int maxLine) throws IOException {
        InputStream in = connection.getInputStream();
        OutputStream out = connection.getOutputStream();
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        for (int n; (n = in.read(buffer)) > 0; ) {
            for (int i = 0; i < n; i++) {
                if (buffer[i] == '\n') {
                    line.write('\n');
                    out.write(line.toByteArray());
                    line.reset();
                } else if (line.size() == maxLine) {
                    out.write("error: line too long\n".getBytes(StandardCharsets.US_ASCII));
                    return;
                } else {
                    line.write(buffer[i]);
                }
            }
        }
    }

    private BoundedEcho() {
    }
}
