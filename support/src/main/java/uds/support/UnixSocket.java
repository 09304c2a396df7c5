package uds.support;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static uds.support.SocketConstants.AF_UNIX;
import static uds.support.SocketConstants.MSG_CMSG_CLOEXEC;
import static uds.support.SocketConstants.MSG_CTRUNC;
import static uds.support.SocketConstants.MSG_DONTWAIT;
import static uds.support.SocketConstants.MSG_TRUNC;
import static uds.support.SocketConstants.SHUT_WR;
import static uds.support.SocketConstants.SOCK_CLOEXEC;
import static uds.support.SocketConstants.SOCK_DGRAM;
import static uds.support.SocketConstants.SOCK_STREAM;
import static uds.support.SocketConstants.SO_PASSCRED;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * An AF_UNIX socket made of raw syscalls through the Foreign Function &amp; Memory API: no
 * socket library, no JNI. junixsocket sends and receives file descriptors as ancillary data
 * but not credentials, and the JDK neither, so lesson 05 does it by hand; lesson 08's log
 * service is built on the same socket, and adds what a datagram server needs: the sender's
 * exact address, and a reply that cannot block.
 */
public final class UnixSocket implements AutoCloseable {

    /** Enough for SCM_CREDENTIALS beside the largest SCM_RIGHTS message: nothing pushes them out. */
    public static final long CONTROL_SPACE = ReceivedControl.SPACE;
    public static final int MAX_MESSAGE = 65536;

    private final int fd;
    private final int type;
    private final AtomicBoolean closed = new AtomicBoolean();

    private UnixSocket(int fd, int type) {
        this.fd = fd;
        this.type = type;
    }

    public static UnixSocket datagram() throws IOException {
        return new UnixSocket((int) Libc.call("socket", SocketCalls.SOCKET, AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0), SOCK_DGRAM);
    }

    public static UnixSocket stream() throws IOException {
        return new UnixSocket((int) Libc.call("socket", SocketCalls.SOCKET, AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0), SOCK_STREAM);
    }

    // tag::pair[]
    /**
     * socketpair(2): two sockets of type, connected to each other and to nothing else.
     * They have no name, neither a file nor an abstract one, so no other process can reach
     * them: a process gets an end only by being given it (by inheritance, or by SCM_RIGHTS).
     */
    public static Pair pair(int type) throws IOException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment fds = arena.allocate(JAVA_INT, 2);
            Libc.call("socketpair", SocketCalls.SOCKETPAIR, AF_UNIX, type | SOCK_CLOEXEC, 0, fds);
            return new Pair(new UnixSocket(fds.getAtIndex(JAVA_INT, 0), type),
                    new UnixSocket(fds.getAtIndex(JAVA_INT, 1), type));
        }
    }
    // end::pair[]

    /** The two ends of a {@link #pair}; closing it closes whichever ends are still open here. */
    public record Pair(UnixSocket one, UnixSocket other) implements AutoCloseable {
        @Override
        public void close() {
            one.close();
            other.close();
        }
    }

    /** The descriptor, for handing this socket to a child process; it stays this object's to close. */
    public int descriptor() {
        return fd;
    }

    public void bind(Path path) throws IOException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment address = SockaddrUn.ofPath(arena, path);
            Libc.call("bind", SocketCalls.BIND, fd, address, (int) address.byteSize());
        }
    }

    /** Autobind (lesson 02): the kernel gives this socket an unused abstract name, so that it can be answered. */
    public void autobind() throws IOException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment family = SockaddrUn.familyOnly(arena);
            Libc.call("bind", SocketCalls.BIND, fd, family, (int) family.byteSize());
        }
    }

    public void connect(Path path) throws IOException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment address = SockaddrUn.ofPath(arena, path);
            Libc.call("connect", SocketCalls.CONNECT, fd, address, (int) address.byteSize());
        }
    }

    public void listen() throws IOException {
        Libc.call("listen", SocketCalls.LISTEN, fd, 16);
    }

    public UnixSocket accept() throws IOException {
        return new UnixSocket((int) Libc.call("accept", SocketCalls.ACCEPT4, fd, MemorySegment.NULL, MemorySegment.NULL, SOCK_CLOEXEC), type);
    }

    // tag::passcred[]
    /** Asks the kernel to attach the sender's credentials to every message this socket receives. */
    public void passCredentials(boolean on) throws IOException {
        setOption(SO_PASSCRED, on ? 1 : 0);
    }
    // end::passcred[]

    public void setOption(int option, int value) throws IOException {
        SocketOption.set(fd, option, value);
    }

    /** SO_PEERCRED (lesson 03): the peer's credentials as they were when the connection was made. */
    public Credentials peerCredentials() throws IOException {
        return SocketOption.peerCredentials(fd);
    }

    // tag::send[]
    /**
     * Sends text as one message, to path (a datagram) or, with path null, on the connection.
     * With credentials, an SCM_CREDENTIALS control message carries them; the kernel checks them
     * against the sender (EPERM for a claim it may not make, ESRCH for a pid that does not exist).
     */
    public void send(Path path, byte[] text, Credentials credentials) throws IOException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment to = path == null ? MemorySegment.NULL : SockaddrUn.ofPath(arena, path);
            SocketMessages.send(fd, to, text,
                    credentials == null ? List.of() : List.of(ControlMessage.credentials(credentials)), 0);
        }
    }
    // end::send[]

    // tag::reply[]
    /**
     * Sends text as one datagram to the address a received message came from, without waiting:
     * false if the sender's queue is full. A sender that never reads must not stop a server.
     */
    public boolean reply(byte[] sender, byte[] text) throws IOException {
        try (Arena arena = Arena.ofConfined()) {
            SocketMessages.send(fd, SockaddrUn.ofSunPath(arena, sender), text, List.of(), MSG_DONTWAIT);
            return true;
        } catch (ErrnoException e) {
            if (e.errno() != ErrnoException.EAGAIN) {
                throw e;
            }
            return false;
        }
    }
    // end::reply[]

    /**
     * One received message: its bytes, what its control messages said, the kernel's flags, and
     * the sender's address (empty when the sender has none; see {@link SocketMessages.Received}).
     * The descriptors control lists are closed already: this socket accepts none.
     */
    public record Received(byte[] text, ReceivedControl control, int flags, byte[] sender) {

        /**
         * Whom a throttled log counts this message under: its sender's uid as the kernel
         * says ({@code from uid 65534(nobody)}), never anything the text claims.
         */
        public String countedAs() {
            Credentials credentials = control.credentials();
            return credentials == null ? "without credentials" : "from uid " + UserDatabase.userLabel(credentials.uid());
        }

        public boolean textCut() {
            return (flags & MSG_TRUNC) != 0;
        }

        public boolean controlCut() {
            return (flags & MSG_CTRUNC) != 0;
        }

        // tag::describe[]
        /** {@code from pid=… uid=…(…) gid=…(…): text}, and a note for anything unusual. */
        public List<String> describe() {
            List<String> lines = new ArrayList<>();
            ReceivedControl control = control();
            Credentials credentials = control.credentials();
            String sender;
            if (credentials == null) {
                // The kernel writes SCM_CREDENTIALS first; a buffer cut off (MSG_CTRUNC) before they
                // fit ends in a fragment, which the parser rightly calls malformed.
                sender = controlCut() ? "(control messages cut off: MSG_CTRUNC, credentials unknown)"
                        : control.malformed() != null ? "(malformed control message: " + control.malformed() + ")"
                        : "(no credentials)";
            } else if (credentials.pid() == 0) {
                // No process sends as pid 0: the kernel's mark for a message queued while
                // SO_PASSCRED was off, with the overflow uid and gid (65534), not user nobody.
                sender = "(no credentials: queued before SO_PASSCRED was on; the kernel says pid=0 uid="
                        + credentials.uid() + " gid=" + credentials.gid() + ")";
            } else {
                sender = credentials.describe();
            }
            // Quoted, escaped and cut: a sender that writes "\nfrom pid=1 uid=0(root)...", or pads
            // with spaces, must not forge a line of ours, nor make one a megabyte long.
            lines.add("from " + sender + ": " + Printable.quoted(new String(text(), StandardCharsets.UTF_8)));
            if (textCut()) {
                lines.add("note: the message was cut to " + text().length + " bytes (MSG_TRUNC)");
            }
            if (!control.descriptors().isEmpty()) {
                int count = control.descriptors().size();
                lines.add("note: closed " + count + (count == 1 ? " descriptor" : " descriptors")
                        + " the sender attached (SCM_RIGHTS): this receiver takes none");
            }
            control.ignored().forEach(ignored -> lines.add("note: ignored control message " + ignored));
            if (controlCut() && credentials != null) {
                lines.add("note: control messages were cut off (MSG_CTRUNC): the kernel dropped what did not fit");
            }
            return lines;
        }
        // end::describe[]
    }

    // tag::receive[]
    /** Receives one message, with room for controlSpace bytes of control messages; null at end of stream. */
    public Received receive(long controlSpace) throws IOException {
        // MSG_CMSG_CLOEXEC: a descriptor that arrives is never inherited by a child process.
        SocketMessages.Received message = SocketMessages.receive(fd, MAX_MESSAGE, controlSpace, MSG_CMSG_CLOEXEC);
        if (message.length() == 0 && type == SOCK_STREAM) {
            return null; // the peer closed the connection
        }
        // Descriptors a sender attached (SCM_RIGHTS) are open in this process by now, asked
        // for or not: unclosed, any sender could fill our descriptor table.
        Arrays.stream(message.descriptors()).forEach(Libc::closeQuietly);
        return new Received(message.data(), ReceivedControl.of(message.control()), message.flags(), message.sender());
    }
    // end::receive[]

    /** shutdown(2) for writing: the peer reads end of stream. It acts on the socket, in every process that holds it. */
    public void shutdownOutput() throws IOException {
        Libc.call("shutdown", SocketCalls.SHUTDOWN, fd, SHUT_WR);
    }

    public int option(int option) throws IOException {
        return SocketOption.get(fd, option);
    }

    /** SO_SNDTIMEO: a send that waits longer than this for room fails with EAGAIN. */
    public void sendTimeout(Duration timeout) throws IOException {
        SocketOption.sendTimeout(fd, timeout);
    }

    /** SO_RCVTIMEO: a receive that waits longer than this fails with EAGAIN. */
    public void receiveTimeout(Duration timeout) throws IOException {
        SocketOption.receiveTimeout(fd, timeout);
    }

    @Override
    public void close() {
        // Once only: by a second close the number may belong to another file already.
        if (!closed.getAndSet(true)) {
            Libc.closeQuietly(fd);
        }
    }
}
