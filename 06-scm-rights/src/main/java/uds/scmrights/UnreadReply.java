package uds.scmrights;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.time.Duration;

import uds.support.ErrnoException;
import uds.support.Libc;

/**
 * Whether the client has read our last reply yet. A descriptor sent with a reply stays open
 * in flight, in the client's receive queue, until the client reads it: a client that sends
 * request after request and never reads would have the opener keep hundreds of files open on
 * its behalf (root is exempt from the kernel's per-user limit on descriptors in flight), and
 * they stay open after the opener closes the connection, for as long as the client lives. So
 * the opener reads the next request only once the last reply has been taken.
 */
final class UnreadReply {

    private static final MethodHandle IOCTL = Libc.variadicWithErrno("ioctl", 2, JAVA_INT, JAVA_INT, JAVA_LONG, ADDRESS);
    /** unix(7): the bytes sent on this socket that the peer has not read yet. */
    private static final long SIOCOUTQ = 0x5411;

    private static final long LONGEST_PAUSE_MILLIS = 50;

    static int bytes(int fd) throws ErrnoException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment count = arena.allocate(JAVA_INT);
            Libc.call("ioctl(SIOCOUTQ)", IOCTL, fd, SIOCOUTQ, count);
            return count.get(JAVA_INT, 0);
        }
    }

    /**
     * Waits until the client has read all we sent, at most timeout; false if it has not. The
     * kernel wakes no one when a peer reads (poll's POLLOUT means room, not empty), so this
     * looks again after a pause that doubles up to 50 ms: a client that reads at once costs
     * one look.
     */
    static boolean awaitTaken(int fd, Duration timeout) throws ErrnoException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (long pause = 1; bytes(fd) > 0; pause = Math.min(2 * pause, LONGEST_PAUSE_MILLIS)) {
            if (System.nanoTime() >= deadline) {
                return false;
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    private UnreadReply() {
    }
}
