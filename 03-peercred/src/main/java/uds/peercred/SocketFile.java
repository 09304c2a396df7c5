package uds.peercred;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/** Checks a socket path before bind: short enough, and nothing there to lose (lesson 01). */
final class SocketFile {

    static Path check(Path path) throws IOException {
        int bytes = path.toString().getBytes(StandardCharsets.UTF_8).length;
        if (bytes > 107) {
            throw new IOException("socket path is " + bytes + " bytes long; sun_path holds at most 107"
                    + " bytes plus the terminating NUL: use a shorter path");
        }
        if (Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            // Never delete what is there: it may be a live server's socket, or not a socket at all.
            throw new IOException(path + " already exists: if it is a stale socket, remove it"
                    + " (lesson 01 shows how a server can do that safely)");
        }
        return path;
    }

    private SocketFile() {
    }
}
