package uds.scmrights;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static uds.support.SocketConstants.AF_UNIX;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

import uds.support.ErrnoException;
import uds.support.Libc;

/** socketpair(2) through FFM: two connected sockets of a type, as plain descriptors, for the tests. */
record SocketPair(int one, int other) implements AutoCloseable {

    private static final MethodHandle SOCKETPAIR = Libc.withErrno("socketpair", JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS);

    static SocketPair of(int type) throws ErrnoException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment fds = arena.allocate(JAVA_INT, 2);
            Libc.call("socketpair", SOCKETPAIR, AF_UNIX, type, 0, fds);
            return new SocketPair(fds.getAtIndex(JAVA_INT, 0), fds.getAtIndex(JAVA_INT, 1));
        }
    }

    @Override
    public void close() {
        Descriptors.close(one);
        Descriptors.close(other);
    }
}
