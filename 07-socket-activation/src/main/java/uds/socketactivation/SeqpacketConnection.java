package uds.socketactivation;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.time.Duration;
import java.util.List;

import uds.support.ErrnoException;
import uds.support.Libc;
import uds.support.SocketMessages;
import uds.support.SocketOption;

/**
 * A SOCK_SEQPACKET connection accepted on the inherited listening socket, through FFM: neither
 * the JDK (no SOCK_SEQPACKET at all) nor junixsocket's FileDescriptorCast (it adopts stream
 * sockets only; a SEQPACKET descriptor gives ClassCastException) can take it over.
 */
record SeqpacketConnection(int fd) implements AutoCloseable {

    private static final MethodHandle ACCEPT4 = Libc.withErrno("accept4", JAVA_INT, JAVA_INT, ADDRESS, ADDRESS, JAVA_INT);
    private static final int SOCK_CLOEXEC = 02000000;

    // tag::accept[]
    /** accept4(2) on the listening descriptor; the new connection is not inherited by children. */
    static SeqpacketConnection accept(int listener) throws ErrnoException {
        return new SeqpacketConnection((int) Libc.call("accept4", ACCEPT4, listener, MemorySegment.NULL,
                MemorySegment.NULL, SOCK_CLOEXEC));
    }
    // end::accept[]

    /** One datagram, cut at max bytes; null when the client has closed (or sent an empty one). */
    byte[] receive(int max) throws ErrnoException {
        SocketMessages.Received message = SocketMessages.receive(fd, max, 0, 0);
        return message.length() == 0 ? null : message.data();
    }

    void send(byte[] datagram) throws ErrnoException {
        SocketMessages.send(fd, MemorySegment.NULL, datagram, List.of());
    }

    /** SO_RCVTIMEO: a receive that waits longer fails with EAGAIN. */
    void receiveTimeout(Duration timeout) throws ErrnoException {
        SocketOption.receiveTimeout(fd, timeout);
    }

    @Override
    public void close() {
        Libc.closeQuietly(fd);
    }
}
