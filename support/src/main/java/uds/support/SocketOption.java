package uds.support;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static uds.support.SocketConstants.SOL_SOCKET;
import static uds.support.SocketConstants.SO_PEERCRED;
import static uds.support.SocketConstants.SO_RCVTIMEO;
import static uds.support.SocketConstants.SO_SNDTIMEO;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.time.Duration;

/**
 * getsockopt(2) and setsockopt(2) at level SOL_SOCKET on a socket descriptor, through FFM, for
 * the options the lessons set and read as plain ints (SO_PASSCRED, SO_PASSRIGHTS, SO_TYPE, ...)
 * for the struct timeval of SO_RCVTIMEO and SO_SNDTIMEO, and for SO_PEERCRED's struct ucred.
 */
public final class SocketOption {

    private static final MethodHandle GETSOCKOPT = Libc.withErrno("getsockopt", JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT,
            ADDRESS, ADDRESS);
    private static final MethodHandle SETSOCKOPT = Libc.withErrno("setsockopt", JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT,
            ADDRESS, JAVA_INT);

    public static int get(int fd, int option) throws ErrnoException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment value = arena.allocate(JAVA_INT);
            MemorySegment length = arena.allocateFrom(JAVA_INT, (int) JAVA_INT.byteSize());
            Libc.call("getsockopt", GETSOCKOPT, fd, SOL_SOCKET, option, value, length);
            return value.get(JAVA_INT, 0);
        }
    }

    public static void set(int fd, int option, int value) throws ErrnoException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment on = arena.allocateFrom(JAVA_INT, value);
            Libc.call("setsockopt", SETSOCKOPT, fd, SOL_SOCKET, option, on, (int) on.byteSize());
        }
    }

    /** SO_PEERCRED (lesson 03): who connected, as the kernel recorded it at connect(2). */
    public static Credentials peerCredentials(int fd) throws ErrnoException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment ucred = arena.allocate(Credentials.UCRED);
            MemorySegment length = arena.allocateFrom(JAVA_INT, (int) ucred.byteSize());
            Libc.call("getsockopt(SO_PEERCRED)", GETSOCKOPT, fd, SOL_SOCKET, SO_PEERCRED, ucred, length);
            return Credentials.read(ucred);
        }
    }

    /** SO_RCVTIMEO: a receive that waits longer than timeout fails with EAGAIN. */
    public static void receiveTimeout(int fd, Duration timeout) throws ErrnoException {
        setTimeval(fd, SO_RCVTIMEO, timeout);
    }

    /**
     * SO_SNDTIMEO: a send that waits longer than timeout (the peer's queue full, because it
     * does not read) fails with EAGAIN, or returns what it sent so far.
     */
    public static void sendTimeout(int fd, Duration timeout) throws ErrnoException {
        setTimeval(fd, SO_SNDTIMEO, timeout);
    }

    private static void setTimeval(int fd, int option, Duration timeout) throws ErrnoException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment timeval = arena.allocate(JAVA_LONG, 2); // struct timeval: seconds, microseconds
            timeval.setAtIndex(JAVA_LONG, 0, timeout.toSeconds());
            timeval.setAtIndex(JAVA_LONG, 1, timeout.toMillisPart() * 1000L);
            Libc.call("setsockopt", SETSOCKOPT, fd, SOL_SOCKET, option, timeval, (int) timeval.byteSize());
        }
    }

    private SocketOption() {
    }
}
