package uds.abstractnamespace;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * /proc/net/unix: the kernel's table of the AF_UNIX sockets in this network namespace. Its
 * last column is the address: a path, or an abstract name with @ in place of the NUL.
 *
 * <p>The table is bytes, not text: any local user may bind a name that is not valid UTF-8,
 * and the kernel writes it as it is. So lines are matched as bytes, and only then decoded
 * (a stray byte shown as U+FFFD), never read as strict UTF-8, which would fail on the
 * stranger's line and not on ours.
 */
final class ProcNetUnix {

    private static final Path TABLE = Path.of("/proc/net/unix");

    /** The table's lines for sockets bound to name (a listening socket, and any accepted ones). */
    static List<String> linesFor(AbstractName name) throws IOException {
        byte[] column = (" " + name).getBytes(StandardCharsets.UTF_8);
        List<String> lines = new ArrayList<>();
        byte[] table = Files.readAllBytes(TABLE);
        for (int start = 0, end; start < table.length; start = end + 1) {
            end = indexOf(table, (byte) '\n', start);
            byte[] line = Arrays.copyOfRange(table, start, end);
            if (line.length >= column.length
                    && Arrays.equals(line, line.length - column.length, line.length, column, 0, column.length)) {
                lines.add(new String(line, StandardCharsets.UTF_8));
            }
        }
        return lines;
    }

    /**
     * The socket types (SOCK_STREAM 1, SOCK_SEQPACKET 5, ...) of the sockets bound to name: the
     * table's fifth column, in hex.
     */
    static List<Integer> typesFor(AbstractName name) throws IOException {
        List<Integer> types = new ArrayList<>();
        for (String line : linesFor(name)) {
            types.add(Integer.parseInt(line.trim().split("\\s+")[4], 16));
        }
        return types;
    }

    private static int indexOf(byte[] bytes, byte wanted, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        return bytes.length;
    }

    private ProcNetUnix() {
    }
}
