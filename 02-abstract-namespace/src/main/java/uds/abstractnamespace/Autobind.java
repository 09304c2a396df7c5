package uds.abstractnamespace;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.nio.charset.StandardCharsets;

/**
 * Autobind: bind() with an address that is nothing but the address family, and the kernel
 * picks an unused abstract name of five hex digits (unix(7), "Autobind feature").
 *
 * <p>Neither junixsocket nor the JDK can express that address (junixsocket's
 * {@code of(new byte[]{0})} is the empty name, one byte longer), so this class makes the
 * syscalls itself with the Foreign Function &amp; Memory API.
 */
final class Autobind implements AutoCloseable {

    private static final int AF_UNIX = 1;       // <sys/socket.h>
    private static final int SOCK_STREAM = 1;

    // tag::sockaddr[]
    /** struct sockaddr_un from <sys/un.h>: a 2-byte family, then 108 bytes of sun_path. */
    static final StructLayout SOCKADDR_UN = MemoryLayout.structLayout(
            JAVA_SHORT.withName("sun_family"),
            MemoryLayout.sequenceLayout(108, JAVA_BYTE).withName("sun_path"));
    private static final VarHandle SUN_FAMILY =
            SOCKADDR_UN.varHandle(MemoryLayout.PathElement.groupElement("sun_family"));
    static final long SUN_PATH_OFFSET =
            SOCKADDR_UN.byteOffset(MemoryLayout.PathElement.groupElement("sun_path"));
    // end::sockaddr[]

    private static final Linker LINKER = Linker.nativeLinker();
    private static final StructLayout CALL_STATE = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO =
            CALL_STATE.varHandle(MemoryLayout.PathElement.groupElement("errno"));
    private static final MethodHandle SOCKET = syscall("socket", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT));
    private static final MethodHandle BIND = syscall("bind", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT));
    private static final MethodHandle LISTEN = syscall("listen", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT));
    private static final MethodHandle GETSOCKNAME = syscall("getsockname", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, ADDRESS));
    private static final MethodHandle CLOSE = syscall("close", FunctionDescriptor.of(JAVA_INT, JAVA_INT));

    /** A libc function whose errno is captured right after the call, before the JVM can touch it. */
    private static MethodHandle syscall(String name, FunctionDescriptor descriptor) {
        return LINKER.downcallHandle(LINKER.defaultLookup().findOrThrow(name), descriptor,
                Linker.Option.captureCallState("errno"));
    }

    private final int fd;
    private final AbstractName name;

    private Autobind(int fd, AbstractName name) {
        this.fd = fd;
        this.name = name;
    }

    AbstractName name() {
        return name;
    }

    // tag::autobind[]
    /** A listening stream socket with a name the kernel chose. */
    static Autobind listen() throws IOException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment errno = arena.allocate(CALL_STATE);
            int fd = check("socket", (int) SOCKET.invokeExact(errno, AF_UNIX, SOCK_STREAM, 0), errno);
            try {
                MemorySegment address = arena.allocate(SOCKADDR_UN);
                SUN_FAMILY.set(address, 0L, (short) AF_UNIX);
                // addrlen = sizeof(sa_family_t): no sun_path at all is what asks for autobind.
                check("bind", (int) BIND.invokeExact(errno, fd, address, (int) JAVA_SHORT.byteSize()), errno);
                check("listen", (int) LISTEN.invokeExact(errno, fd, 16), errno);

                MemorySegment length = arena.allocateFrom(JAVA_INT, (int) SOCKADDR_UN.byteSize());
                check("getsockname", (int) GETSOCKNAME.invokeExact(errno, fd, address.fill((byte) 0), length), errno);
                // The name is what the address length covers after the family and the NUL.
                int nameLength = length.get(JAVA_INT, 0) - (int) SUN_PATH_OFFSET - 1;
                byte[] bytes = address.asSlice(SUN_PATH_OFFSET + 1, nameLength).toArray(JAVA_BYTE);
                return new Autobind(fd, new AbstractName(new String(bytes, StandardCharsets.US_ASCII)));
            } catch (IOException | RuntimeException e) {
                closeQuietly(fd);
                throw e;
            }
        } catch (IOException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
    // end::autobind[]

    private static int check(String call, int result, MemorySegment errno) throws IOException {
        if (result < 0) {
            throw new IOException(call + " failed: errno " + (int) ERRNO.get(errno, 0L));
        }
        return result;
    }

    private static void closeQuietly(int fd) {
        try (Arena arena = Arena.ofConfined()) {
            int ignored = (int) CLOSE.invokeExact(arena.allocate(CALL_STATE), fd);
        } catch (Throwable ignored) {
            // nothing more to do for a socket we are giving up on
        }
    }

    /** Closing the socket frees the name: nothing is left behind. */
    @Override
    public void close() {
        closeQuietly(fd);
    }
}
