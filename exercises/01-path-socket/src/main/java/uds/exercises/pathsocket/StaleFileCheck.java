package uds.exercises.pathsocket;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Exercise 01.1: before a server binds, may it remove what is at its socket path?
 * (Walkthrough 01, step 2. Checked by StaleFileCheckTest.)
 */
final class StaleFileCheck {

    /**
     * True only for a socket file that nobody listens on, which a crashed server left behind.
     * False for everything else: nothing there, a live server's socket, a regular file, a
     * symlink (even one that points at a stale socket).
     */
    static boolean isStaleSocket(Path path) throws IOException {
        // TODO: this says yes to anything that exists. Look at what the path itself is (without
        // following a symlink), and ask whether anyone accepts a connection on it.
        return Files.exists(path);
    }

    private StaleFileCheck() {
    }
}
