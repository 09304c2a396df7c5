package uds.pathsocket;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

import uds.support.FileStatus;
import uds.support.ThisProcess;

/**
 * Where the server's socket lives when no --socket is given: a directory only its owner can
 * enter. connect() needs search permission on every directory of the path, so a 0700
 * directory keeps everyone else out whatever the socket file's own mode is.
 */
final class PrivateDirectory {

    static final String SOCKET_NAME = "echo.sock";

    /** {@code $XDG_RUNTIME_DIR/uds-java} (already private per user), else {@code /tmp/uds-java-<uid>}. */
    static Path defaultSocket() throws IOException {
        String runtimeDir = System.getenv("XDG_RUNTIME_DIR");
        Path dir = runtimeDir != null && !runtimeDir.isEmpty()
                ? Path.of(runtimeDir, "uds-java")
                : Path.of(System.getProperty("java.io.tmpdir"), "uds-java-" + ThisProcess.uid());
        return ensure(dir).resolve(SOCKET_NAME);
    }

    // tag::private-dir[]
    /** Creates dir with mode 0700, or checks that an existing one is ours and private. */
    static Path ensure(Path dir) throws IOException {
        Set<PosixFilePermission> ownerOnly = PosixFilePermissions.fromString("rwx------");
        try {
            // Created with its mode in one step: no moment in which it is open to others.
            Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(ownerOnly));
        } catch (java.nio.file.FileAlreadyExistsException e) {
            // In a shared /tmp, anyone could have made this name first: trust it only if we own it.
            if (Files.isSymbolicLink(dir) || !Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
                throw new IOException(dir + " exists and is not a directory");
            }
            long owner = FileStatus.of(dir).uid();
            if (owner != ThisProcess.uid()) {
                throw new IOException(dir + " belongs to uid " + owner + ", not to you: remove it or use --socket");
            }
            if (!Files.getPosixFilePermissions(dir, LinkOption.NOFOLLOW_LINKS).equals(ownerOnly)) {
                throw new IOException(dir + " is not private (mode must be 0700): chmod 700 " + dir);
            }
        }
        return dir;
    }
    // end::private-dir[]

    private PrivateDirectory() {
    }
}
