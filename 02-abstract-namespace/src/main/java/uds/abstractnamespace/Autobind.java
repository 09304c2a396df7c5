package uds.abstractnamespace;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static uds.support.SocketConstants.AF_UNIX;
import static uds.support.SocketConstants.SOCK_STREAM;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;

import uds.support.Libc;
import uds.support.SockaddrUn;
import uds.support.SocketCalls;

/**
 * Autobind: bind() with an address that is nothing but the address family, and the kernel
 * picks an unused abstract name of five hex digits (unix(7), "Autobind feature").
 *
 * <p>Neither junixsocket nor the JDK can express that address (junixsocket's
 * {@code of(new byte[]{0})} is the empty name, one byte longer), so this class makes the
 * syscalls itself with the Foreign Function &amp; Memory API.
 */
final class Autobind implements AutoCloseable {

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
        int fd = (int) Libc.call("socket", SocketCalls.SOCKET, AF_UNIX, SOCK_STREAM, 0);
        try (Arena arena = Arena.ofConfined()) {
            // addrlen = sizeof(sa_family_t): no sun_path at all is what asks for autobind.
            MemorySegment family = SockaddrUn.familyOnly(arena);
            Libc.call("bind", SocketCalls.BIND, fd, family, (int) family.byteSize());
            Libc.call("listen", SocketCalls.LISTEN, fd, 16);

            MemorySegment address = SockaddrUn.allocate(arena);
            MemorySegment length = arena.allocateFrom(JAVA_INT, (int) address.byteSize());
            Libc.call("getsockname", SocketCalls.GETSOCKNAME, fd, address, length);
            byte[] name = SockaddrUn.abstractName(address, length.get(JAVA_INT, 0));
            return new Autobind(fd, new AbstractName(new String(name, StandardCharsets.US_ASCII)));
        } catch (IOException | RuntimeException e) {
            Libc.closeQuietly(fd);
            throw e;
        }
    }
    // end::autobind[]

    /** Closing the socket frees the name: nothing is left behind. */
    @Override
    public void close() {
        Libc.closeQuietly(fd);
    }
}
