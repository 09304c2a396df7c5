package uds.bench;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_INT_UNALIGNED;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_LONG_UNALIGNED;
import static uds.support.SocketConstants.AF_UNIX;
import static uds.support.SocketConstants.SOCK_CLOEXEC;
import static uds.support.SocketConstants.SOCK_STREAM;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.nio.file.Path;

import uds.support.ErrnoException;
import uds.support.Libc;
import uds.support.SockaddrUn;
import uds.support.SocketCalls;

/**
 * The many-clients bench's sixth Java model: epoll_echo.c's loop in Java, the system calls made
 * through the FFM API (epoll_create1, epoll_ctl, epoll_wait, accept4, read, write): no
 * Selector, no channel objects, no allocation per event. Its rival: epoll_echo.c.
 */
final class FfmEpollServer {

    private static final Linker LINKER = Linker.nativeLinker();
    private static final int SOCK_NONBLOCK = 04000; // the same bit as O_NONBLOCK
    private static final int EPOLL_CLOEXEC = SOCK_CLOEXEC;
    private static final int EPOLL_CTL_ADD = 1;
    private static final int EPOLLIN = 0x001;
    private static final int EVENTS = 512;
    private static final int BUFFER = 4096;

    /** struct epoll_event: packed on x86-64 (4 + 8 = 12 bytes), naturally aligned elsewhere (16). */
    private static final boolean PACKED = "amd64".equals(System.getProperty("os.arch"));
    private static final long EVENT_SIZE = PACKED ? 12 : 16;
    private static final long DATA_OFFSET = PACKED ? 4 : 8;

    private static final StructLayout CALL_STATE = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO = CALL_STATE.varHandle(MemoryLayout.PathElement.groupElement("errno"));

    // tag::handles[]
    /** A call that may block (epoll_wait): the JVM marks the thread as in native code, as for any call. */
    private static MethodHandle blocking(String name, FunctionDescriptor descriptor) {
        return LINKER.downcallHandle(LINKER.defaultLookup().findOrThrow(name), descriptor);
    }

    /**
     * A call that returns at once (on a non-blocking socket, read and write never wait): critical,
     * so the JVM skips the thread-state transition it makes around a call that might block.
     */
    private static MethodHandle quick(String name, FunctionDescriptor descriptor, Linker.Option... more) {
        Linker.Option[] options = new Linker.Option[more.length + 1];
        options[0] = Linker.Option.critical(false);
        System.arraycopy(more, 0, options, 1, more.length);
        return LINKER.downcallHandle(LINKER.defaultLookup().findOrThrow(name), descriptor, options);
    }

    private static final MethodHandle EPOLL_CREATE1 = blocking("epoll_create1", FunctionDescriptor.of(JAVA_INT, JAVA_INT));
    private static final MethodHandle EPOLL_CTL = quick("epoll_ctl",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS));
    private static final MethodHandle EPOLL_WAIT = blocking("epoll_wait",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT));
    private static final MethodHandle ACCEPT4 = quick("accept4",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, ADDRESS, JAVA_INT));
    /** read keeps errno: EAGAIN (nothing to read after all) is no reason to close. */
    private static final MethodHandle READ = quick("read", FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG),
            Linker.Option.captureCallState("errno"));
    private static final MethodHandle WRITE = quick("write", FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG));
    private static final MethodHandle CLOSE = quick("close", FunctionDescriptor.of(JAVA_INT, JAVA_INT));
    // end::handles[]

    static void serve(Path path) throws IOException {
        Arena arena = Arena.global(); // for as long as the server runs
        int listener;
        try {
            listener = (int) Libc.call("socket", SocketCalls.SOCKET, AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
            MemorySegment address = SockaddrUn.ofPath(arena, path);
            Libc.call("bind", SocketCalls.BIND, listener, address, (int) address.byteSize());
            Libc.call("listen", SocketCalls.LISTEN, listener, EchoServers.BACKLOG);
        } catch (ErrnoException e) {
            throw new IOException(e.getMessage(), e);
        }
        MemorySegment events = arena.allocate(EVENT_SIZE * EVENTS, 8);
        MemorySegment buffer = arena.allocate(BUFFER, 8);
        MemorySegment one = arena.allocate(EVENT_SIZE, 8);
        MemorySegment callState = arena.allocate(CALL_STATE);
        try {
            int epoll = (int) EPOLL_CREATE1.invokeExact(EPOLL_CLOEXEC);
            add(epoll, listener, one);
            EchoServers.ready();
            loop(epoll, listener, events, buffer, one, callState);
        } catch (Throwable e) { // invokeExact declares Throwable; the downcalls throw none
            throw new IOException("epoll server: " + e, e);
        }
    }

    // tag::loop[]
    private static void loop(int epoll, int listener, MemorySegment events, MemorySegment buffer, MemorySegment one,
            MemorySegment callState) throws Throwable {
        while (true) {
            int ready = (int) EPOLL_WAIT.invokeExact(epoll, events, EVENTS, -1);
            for (int i = 0; i < ready; i++) {
                int fd = (int) events.get(JAVA_LONG_UNALIGNED, i * EVENT_SIZE + DATA_OFFSET);
                if (fd == listener) {
                    for (int connection; (connection = (int) ACCEPT4.invokeExact(listener, MemorySegment.NULL,
                            MemorySegment.NULL, SOCK_NONBLOCK | SOCK_CLOEXEC)) >= 0; ) {
                        add(epoll, connection, one);
                    }
                    continue; // EAGAIN: accepted all; EMFILE: the rest wait in the backlog
                }
                long n = (long) READ.invokeExact(callState, fd, buffer, (long) BUFFER);
                if (n > 0) {
                    // The client sends its next message only after this echo: the write never waits.
                    long written = (long) WRITE.invokeExact(fd, buffer, n);
                } else if (n == 0 || (int) ERRNO.get(callState, 0L) != ErrnoException.EAGAIN) {
                    int closed = (int) CLOSE.invokeExact(fd); // closing removes it from the epoll set
                }
            }
        }
    }
    // end::loop[]

    private static void add(int epoll, int fd, MemorySegment one) throws Throwable {
        one.set(JAVA_INT_UNALIGNED, 0, EPOLLIN);
        one.set(JAVA_LONG_UNALIGNED, DATA_OFFSET, fd);
        int added = (int) EPOLL_CTL.invokeExact(epoll, EPOLL_CTL_ADD, fd, one);
    }

    private FfmEpollServer() {
    }
}
