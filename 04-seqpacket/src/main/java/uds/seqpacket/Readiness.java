package uds.seqpacket;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;
import static uds.support.SocketConstants.FIONREAD;
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
 * What junixsocket's channel cannot say about a SOCK_SEQPACKET connection, asked of the kernel
 * through FFM: is a datagram waiting ({@code poll}), and has the peer hung up ({@code POLLRDHUP})
 * with nothing left queued ({@code FIONREAD})?
 *
 * <p>The question comes from recv(2): it returns 0 both for an empty datagram, a request like
 * any other, and at the end of the stream. junixsocket turns both into -1.
 */
final class Readiness {

    /** struct pollfd: the descriptor, the events asked for, the events that happened. */
    private static final StructLayout POLLFD = MemoryLayout.structLayout(
            JAVA_INT.withName("fd"), JAVA_SHORT.withName("events"), JAVA_SHORT.withName("revents"));
    private static final long EVENTS = POLLFD.byteOffset(MemoryLayout.PathElement.groupElement("events"));
    private static final long REVENTS = POLLFD.byteOffset(MemoryLayout.PathElement.groupElement("revents"));

    private static final MethodHandle POLL = Libc.withErrno("poll", JAVA_INT, ADDRESS, JAVA_LONG, JAVA_INT);
    private static final MethodHandle IOCTL = Libc.withErrno("ioctl", JAVA_INT, JAVA_INT, JAVA_LONG, ADDRESS);

    /** Waits up to millis for something to read (a datagram, or the peer's hang-up); false on timeout. */
    static boolean await(FileDescriptor socket, long millis) throws IOException {
        return poll(socket, POLLIN | POLLRDHUP, millis) != 0;
    }

    // tag::end-of-stream[]
    /**
     * After a read of zero bytes: was that the end of the stream, or an empty datagram? Only a
     * peer that has hung up (POLLRDHUP) can have ended the stream, and while any byte is still
     * queued (FIONREAD counts every queued datagram) there are requests left to answer.
     */
    static boolean endOfStream(FileDescriptor socket) throws IOException {
        if ((poll(socket, POLLRDHUP, 0) & POLLRDHUP) == 0) {
            return false; // the peer is still there: it sent an empty datagram
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment queued = arena.allocate(JAVA_INT);
            Libc.call("ioctl(FIONREAD)", IOCTL, fd(socket), (long) FIONREAD, queued);
            return queued.get(JAVA_INT, 0) == 0;
        }
    }
    // end::end-of-stream[]

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

    private static int fd(FileDescriptor socket) throws IOException {
        return FileDescriptorCast.using(socket).as(Integer.class);
    }

    private Readiness() {
    }
}
