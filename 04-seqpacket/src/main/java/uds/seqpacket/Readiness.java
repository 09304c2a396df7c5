package uds.seqpacket;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;
import static uds.support.SocketConstants.POLLIN;
import static uds.support.SocketConstants.POLLRDHUP;

import java.io.FileDescriptor;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.invoke.MethodHandle;

import org.newsclub.net.unix.FileDescriptorCast;

import uds.support.ErrnoException;
import uds.support.Libc;

/**
 * Waits, a bounded time, for something to read on a SOCK_SEQPACKET connection: a datagram, or
 * the peer's hang-up ({@code poll} through FFM, with POLLRDHUP). junixsocket's channel has a
 * read timeout but no such wait, and the drain of a refused peer needs one deadline for all of
 * its reads.
 */
final class Readiness {

    /** struct pollfd: the descriptor, the events asked for, the events that happened. */
    private static final StructLayout POLLFD = MemoryLayout.structLayout(
            JAVA_INT.withName("fd"), JAVA_SHORT.withName("events"), JAVA_SHORT.withName("revents"));
    private static final long EVENTS = POLLFD.byteOffset(MemoryLayout.PathElement.groupElement("events"));
    private static final long REVENTS = POLLFD.byteOffset(MemoryLayout.PathElement.groupElement("revents"));

    private static final MethodHandle POLL = Libc.withErrno("poll", JAVA_INT, ADDRESS, JAVA_LONG, JAVA_INT);

    /** Waits up to millis for something to read (a datagram, or the peer's hang-up); false on timeout. */
    static boolean await(FileDescriptor socket, long millis) throws IOException {
        return poll(socket, POLLIN | POLLRDHUP, millis) != 0;
    }

    /** poll(2) on one descriptor: the events that happened, 0 on timeout; EINTR retried. */
    private static int poll(FileDescriptor socket, int events, long millis) throws IOException {
        long deadline = System.nanoTime() + millis * 1_000_000;
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment pollfd = arena.allocate(POLLFD);
            pollfd.set(JAVA_INT, 0, fd(socket));
            pollfd.set(JAVA_SHORT, EVENTS, (short) events);
            while (true) {
                int wait = (int) Math.max(0, Math.min(Integer.MAX_VALUE, (deadline - System.nanoTime()) / 1_000_000));
                try {
                    if (Libc.call("poll", POLL, pollfd, 1L, wait) == 0) {
                        return 0;
                    }
                    return pollfd.get(JAVA_SHORT, REVENTS) & 0xffff;
                } catch (ErrnoException e) {
                    if (e.errno() != ErrnoException.EINTR) {
                        throw e;
                    }
                }
            }
        }
    }

    static int fd(FileDescriptor socket) throws IOException {
        return FileDescriptorCast.using(socket).as(Integer.class);
    }

    private Readiness() {
    }
}
