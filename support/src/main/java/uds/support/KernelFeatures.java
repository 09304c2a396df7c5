package uds.support;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static uds.support.SocketConstants.AF_UNIX;
import static uds.support.SocketConstants.SOCK_CLOEXEC;
import static uds.support.SocketConstants.SOCK_STREAM;
import static uds.support.SocketConstants.SO_PASSRIGHTS;
import static uds.support.SocketConstants.SO_PEERPIDFD;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * The newer kernel features some lessons use, each probed once, here, by asking this kernel
 * (a pair of connected sockets and the option itself), not by reading its version: a
 * distribution may backport a feature, or leave it out. Tests that need a feature skip with
 * the reason where it is missing; lessons say what they do without it.
 */
public final class KernelFeatures {

    /** SO_PEERPIDFD (Linux 6.5): a pidfd for the peer of a connection (lesson 03). */
    public static final boolean PEER_PIDFD = probe(SO_PEERPIDFD, false);

    /** SO_PASSRIGHTS (Linux 6.16): a socket that refuses descriptors (lesson 06). */
    public static final boolean PASS_RIGHTS = probe(SO_PASSRIGHTS, true);

    /** Gets (or sets to 1) option on one of a socketpair: false if this kernel does not know it (ENOPROTOOPT). */
    private static boolean probe(int option, boolean set) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment pair = arena.allocate(JAVA_INT, 2);
            Libc.call("socketpair", SocketCalls.SOCKETPAIR, AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, pair);
            int fd = pair.getAtIndex(JAVA_INT, 0);
            try {
                if (set) {
                    SocketOption.set(fd, option, 1);
                } else {
                    Libc.closeQuietly(SocketOption.get(fd, option)); // SO_PEERPIDFD's value is a new descriptor
                }
                return true;
            } catch (ErrnoException e) {
                if (e.errno() == ErrnoException.ENOPROTOOPT) {
                    return false;
                }
                throw new IllegalStateException("probing socket option " + option + ": " + e.getMessage(), e);
            } finally {
                Libc.closeQuietly(fd);
                Libc.closeQuietly(pair.getAtIndex(JAVA_INT, 1));
            }
        } catch (ErrnoException e) {
            throw new IllegalStateException("socketpair: " + e.getMessage(), e);
        }
    }

    private KernelFeatures() {
    }
}
