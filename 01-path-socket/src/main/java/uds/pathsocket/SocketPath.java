package uds.pathsocket;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The length rule for a socket file's path, checked before any syscall.
 *
 * <p>The kernel copies the path into {@code struct sockaddr_un}, whose {@code sun_path} is a
 * 108-byte array that must also hold the terminating NUL. The limit counts bytes of the
 * encoded path, not characters: "é" is one character and two bytes in UTF-8. junixsocket does
 * no check of its own (a 109-byte path makes the kernel create a file at the path cut to 108
 * bytes, then fail), so we check first.
 */
final class SocketPath {

    // tag::limit[]
    /** {@code sizeof(((struct sockaddr_un *) 0)->sun_path)} on Linux. */
    static final int SUN_PATH_SIZE = 108;

    static Path check(Path path) {
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

    private SocketPath() {
    }
}
