package uds.scmrights;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static uds.support.SocketConstants.AF_UNIX;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import uds.support.ErrnoException;
import uds.support.Libc;
import uds.support.SocketCalls;

/** socketpair(2) through FFM: two connected sockets of a type, as plain descriptors, for the tests. */
record SocketPair(int one, int other) implements AutoCloseable {

    static SocketPair of(int type) throws ErrnoException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment fds = arena.allocate(JAVA_INT, 2);
            Libc.call("socketpair", SocketCalls.SOCKETPAIR, AF_UNIX, type, 0, fds);
            return new SocketPair(fds.getAtIndex(JAVA_INT, 0), fds.getAtIndex(JAVA_INT, 1));
        }
    }

    @Override
    public void close() {
        Descriptors.close(one);
        Descriptors.close(other);
    }
}
