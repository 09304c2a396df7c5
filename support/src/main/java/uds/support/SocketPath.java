package uds.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * Checks on a socket file's path made before any syscall: its length (lesson 01 explains the
 * rule), and, for the lessons that do not clear stale files, that nothing is in the way.
 */
public final class SocketPath {

    // tag::limit[]
    /** {@code sizeof(((struct sockaddr_un *) 0)->sun_path)} on Linux. */
    public static final int SUN_PATH_SIZE = 108;

    /**
     * Refuses a path whose bytes do not fit sun_path with a terminating NUL: at most 107.
     * Linux itself accepts 108 bytes with no NUL (unix(7)), but that is Linux only, and
     * junixsocket fails on it after creating the file ("sockname too long"); 107 plus the
     * NUL is what every system and library agrees on.
     */
    public static Path check(Path path) {
        // Linux file names are bytes; on a modern system they are UTF-8.
        int bytes = path.toString().getBytes(StandardCharsets.UTF_8).length;
        if (bytes + 1 > SUN_PATH_SIZE) {
            throw new IllegalArgumentException(String.format(
                    "socket path is %d bytes long; sun_path holds at most %d bytes"
                            + " plus the terminating NUL (%d in all): use a shorter path",
                    bytes, SUN_PATH_SIZE - 1, SUN_PATH_SIZE));
        }
        return path;
    }
    // end::limit[]

    /** Checks the length, and that nothing at all is at the path: such a server deletes nothing. */
    public static Path checkFree(Path path) throws IOException {
        check(path);
        if (Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            // Never delete what is there: it may be a live server's socket, or not a socket at all.
            throw new IOException(path + " already exists: if it is a stale socket, remove it"
                    + " (lesson 01 shows how a server can do that safely)");
        }
        return path;
    }

    private SocketPath() {
    }
}
