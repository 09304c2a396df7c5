package uds.abstractnamespace;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * /proc/net/unix: the kernel's table of the AF_UNIX sockets in this network namespace. Its
 * last column is the address: a path, or an abstract name with @ in place of the NUL.
 */
final class ProcNetUnix {

    private static final Path TABLE = Path.of("/proc/net/unix");

    /** The table's lines for sockets bound to name (a listening socket, and any accepted ones). */
    static List<String> linesFor(AbstractName name) throws IOException {
        String column = name.toString();
        return Files.readAllLines(TABLE, StandardCharsets.UTF_8).stream()
                .filter(line -> line.endsWith(" " + column))
                .toList();
    }

    private ProcNetUnix() {
    }
}
