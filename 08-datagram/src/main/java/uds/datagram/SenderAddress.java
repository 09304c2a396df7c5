package uds.datagram;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A sender's address as recvmsg(2) reported it: the bytes of sun_path, exactly as many as the
 * kernel said. None: the sender is bound to no address. A leading NUL: an abstract name, all of
 * whose bytes count. Otherwise a path and its terminating NUL.
 *
 * <p>junixsocket 2.10.1 gets the abstract case wrong: its {@code receive} returns the name
 * padded with NULs to 108 bytes, a different name, so a reply sent to it is refused
 * (ECONNREFUSED). That is one reason this lesson receives with recvmsg itself.
 */
final class SenderAddress {

    /** {@code /run/app.sock}, {@code @1a2b3} (abstract), or {@code (unbound)}. */
    static String describe(byte[] sender) {
        if (sender.length == 0) {
            return "(unbound)";
        }
        if (sender[0] == 0) {
            return "@" + new String(sender, 1, sender.length - 1, StandardCharsets.UTF_8);
        }
        return new String(sender, 0, pathLength(sender), StandardCharsets.UTF_8);
    }

    /** The path of a path address; null for an abstract or no address. */
    static Path path(byte[] sender) {
        if (sender.length == 0 || sender[0] == 0) {
            return null;
        }
        return Path.of(new String(sender, 0, pathLength(sender), StandardCharsets.UTF_8));
    }

    /** Up to the first NUL: the kernel counts the terminating NUL in the address's length. */
    private static int pathLength(byte[] sender) {
        for (int i = 0; i < sender.length; i++) {
            if (sender[i] == 0) {
                return i;
            }
        }
        return sender.length;
    }

    private SenderAddress() {
    }
}
