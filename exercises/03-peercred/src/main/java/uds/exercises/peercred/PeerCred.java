package uds.exercises.peercred;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

import uds.support.Libc;
import uds.support.SocketConstants;

/**
 * Exercise 03.3: ask the kernel who the peer is, as C does:
 * {@code getsockopt(fd, SOL_SOCKET, SO_PEERCRED, &ucred, &len)}, through FFM.
 * (Walkthrough 03, step 1. Checked by PeerCredTest.)
 */
final class PeerCred {

    /** int getsockopt(int fd, int level, int name, void *value, socklen_t *length) */
    private static final MethodHandle GETSOCKOPT =
            Libc.withErrno("getsockopt", JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS, ADDRESS);

    /** The 12 bytes of struct ucred for the socket fd's peer. */
    static byte[] ucredBytes(int fd) throws IOException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment ucred = arena.allocate(12);
            MemorySegment length = arena.allocateFrom(JAVA_INT, 12);
            // TODO: call getsockopt through Libc.call("getsockopt", GETSOCKOPT, ...) with
            // SocketConstants.SOL_SOCKET and SocketConstants.SO_PEERCRED, then check that the
            // kernel wrote 12 bytes.
            return ucred.toArray(JAVA_BYTE);
        }
    }

    private PeerCred() {
    }
}
