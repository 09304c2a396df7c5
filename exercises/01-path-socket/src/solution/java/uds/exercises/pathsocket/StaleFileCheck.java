package uds.exercises.pathsocket;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Exercise 01.1: before a server binds, may it remove what is at its socket path?
 * (Walkthrough 01, step 2. Checked by StaleFileCheckTest.)
 */
final class StaleFileCheck {

    private static final int S_IFMT = 0170000;
    private static final int S_IFSOCK = 0140000;

    /**
     * True only for a socket file that nobody listens on, which a crashed server left behind.
     * False for everything else: nothing there, a live server's socket, a regular file, a
     * symlink (even one that points at a stale socket).
     */
    static boolean isStaleSocket(Path path) throws IOException {
        int mode;
        try {
            mode = (int) Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return false;
        }
        if ((mode & S_IFMT) != S_IFSOCK) {
            return false; // a file, a directory, a symlink: not ours to remove
        }
        try (SocketChannel probe = SocketChannel.open(UnixDomainSocketAddress.of(path))) {
            return false; // somebody accepted: a live server
        } catch (ConnectException refused) {
            return true;
        }
    }

    private StaleFileCheck() {
    }
}
