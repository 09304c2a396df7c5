package uds.scmcredentials;

import static uds.support.SocketConstants.AF_UNIX;
import static uds.support.SocketConstants.MSG_CMSG_CLOEXEC;
import static uds.support.SocketConstants.MSG_CTRUNC;
import static uds.support.SocketConstants.MSG_TRUNC;
import static uds.support.SocketConstants.SOCK_CLOEXEC;
import static uds.support.SocketConstants.SOCK_DGRAM;
import static uds.support.SocketConstants.SOCK_STREAM;
import static uds.support.SocketConstants.SO_PASSCRED;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Arrays;
import java.util.List;
import java.nio.file.Path;
import java.time.Duration;

import uds.support.Credentials;
import uds.support.Libc;
import uds.support.SockaddrUn;
import uds.support.SocketCalls;
import uds.support.SocketMessages;
import uds.support.SocketOption;

/**
 * An AF_UNIX socket made of raw syscalls through the Foreign Function &amp; Memory API: no
 * socket library, no JNI. junixsocket sends and receives file descriptors as ancillary data
 * but not credentials, and the JDK neither, so this lesson does it by hand.
 */
final class UnixSocket implements AutoCloseable {

    /** Enough for SCM_CREDENTIALS beside the largest SCM_RIGHTS message: nothing pushes them out. */
    static final long CONTROL_SPACE = ControlMessages.RECEIVE_SPACE;
    static final int MAX_MESSAGE = 65536;

    private final int fd;
    private final int type;

    private UnixSocket(int fd, int type) {
        this.fd = fd;
        this.type = type;
    }

    static UnixSocket datagram() throws IOException {
        return new UnixSocket((int) Libc.call("socket", SocketCalls.SOCKET, AF_UNIX, SOCK_DGRAM, 0), SOCK_DGRAM);
    }

    static UnixSocket stream() throws IOException {
        return new UnixSocket((int) Libc.call("socket", SocketCalls.SOCKET, AF_UNIX, SOCK_STREAM, 0), SOCK_STREAM);
    }

    void bind(Path path) throws IOException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment address = SockaddrUn.ofPath(arena, path);
            Libc.call("bind", SocketCalls.BIND, fd, address, (int) address.byteSize());
        }
    }

    void connect(Path path) throws IOException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment address = SockaddrUn.ofPath(arena, path);
            Libc.call("connect", SocketCalls.CONNECT, fd, address, (int) address.byteSize());
        }
    }

    void listen() throws IOException {
        Libc.call("listen", SocketCalls.LISTEN, fd, 16);
    }

    UnixSocket accept() throws IOException {
        return new UnixSocket((int) Libc.call("accept", SocketCalls.ACCEPT4, fd, MemorySegment.NULL, MemorySegment.NULL, SOCK_CLOEXEC), type);
    }

    // tag::passcred[]
    /** Asks the kernel to attach the sender's credentials to every message this socket receives. */
    void passCredentials(boolean on) throws IOException {
        setOption(SO_PASSCRED, on ? 1 : 0);
    }
    // end::passcred[]

    void setOption(int option, int value) throws IOException {
        SocketOption.set(fd, option, value);
    }

    /** SO_PEERCRED (lesson 03): the peer's credentials as they were when the connection was made. */
    Credentials peerCredentials() throws IOException {
        return SocketOption.peerCredentials(fd);
    }

    // tag::send[]
    /**
     * Sends text as one message, to path (a datagram) or, with path null, on the connection.
     * With credentials, an SCM_CREDENTIALS control message carries them; the kernel checks them
     * against the sender (EPERM for a claim it may not make, ESRCH for a pid that does not exist).
     */
    void send(Path path, byte[] text, Credentials credentials) throws IOException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment to = path == null ? MemorySegment.NULL : SockaddrUn.ofPath(arena, path);
            SocketMessages.send(fd, to, text,
                    credentials == null ? List.of() : List.of(ControlMessages.credentials(credentials)));
        }
    }
    // end::send[]

    /**
     * One received message: its bytes, what its control messages said, and the kernel's flags.
     * The descriptors control lists are closed already: this socket accepts none.
     */
    record Received(byte[] text, ControlMessages.Parsed control, int flags) {

        boolean textCut() {
            return (flags & MSG_TRUNC) != 0;
        }

        boolean controlCut() {
            return (flags & MSG_CTRUNC) != 0;
        }
    }

    // tag::receive[]
    /** Receives one message, with room for controlSpace bytes of control messages; null at end of stream. */
    Received receive(long controlSpace) throws IOException {
        // MSG_CMSG_CLOEXEC: a descriptor that arrives is never inherited by a child process.
        SocketMessages.Received message = SocketMessages.receive(fd, MAX_MESSAGE, controlSpace, MSG_CMSG_CLOEXEC);
        if (message.length() == 0 && type == SOCK_STREAM) {
            return null; // the peer closed the connection
        }
        // Descriptors a sender attached (SCM_RIGHTS) are open in this process by now, asked
        // for or not: unclosed, any sender could fill our descriptor table.
        Arrays.stream(message.descriptors()).forEach(Libc::closeQuietly);
        return new Received(message.data(), ControlMessages.parse(message.control()), message.flags());
    }
    // end::receive[]

    /** SO_RCVTIMEO: a receive that waits longer than this fails with EAGAIN. */
    void receiveTimeout(Duration timeout) throws IOException {
        SocketOption.receiveTimeout(fd, timeout);
    }

    @Override
    public void close() {
        Libc.closeQuietly(fd);
    }
}
