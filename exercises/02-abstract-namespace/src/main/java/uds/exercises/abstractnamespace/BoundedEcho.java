package uds.exercises.abstractnamespace;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
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
        // TODO: readLine keeps reading until a newline comes, however much memory it takes.
        BufferedReader in = new BufferedReader(new InputStreamReader(connection.getInputStream(), StandardCharsets.UTF_8));
        OutputStream out = connection.getOutputStream();
        for (String line; (line = in.readLine()) != null; ) {
            out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        }
    }

    private BoundedEcho() {
    }
}
