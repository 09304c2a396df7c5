package uds.exercises.pathsocket;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Exercise 01.2: does a path fit in sockaddr_un's sun_path? (Walkthrough 01, step 4.
 * Checked by SunPathTest.)
 */
final class SunPath {

    /** The size of sun_path on Linux, the terminating NUL included. */
    static final int SIZE = 108;

    /** True if path, as the kernel sees it, fits in sun_path with its terminating NUL. */
    static boolean fits(Path path) {
        return path.toString().getBytes(StandardCharsets.UTF_8).length + 1 <= SIZE;
    }

    private SunPath() {
    }
}
