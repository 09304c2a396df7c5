package uds.socketactivation;

import static uds.support.SocketConstants.SOCK_CLOEXEC;

import java.lang.foreign.MemorySegment;
import java.time.Duration;
import java.util.List;

import uds.support.ErrnoException;
import uds.support.Libc;
import uds.support.SeqpacketReceiver;
import uds.support.SocketCalls;
import uds.support.SocketMessages;
import uds.support.SocketOption;

/**
 * A SOCK_SEQPACKET connection accepted on the inherited listening socket, through FFM: neither
 * the JDK (no SOCK_SEQPACKET at all) nor junixsocket's FileDescriptorCast (it adopts stream
 * sockets only; a SEQPACKET descriptor gives ClassCastException) can take it over.
 */
record SeqpacketConnection(int fd) implements AutoCloseable {


    // tag::accept[]
    /** accept4(2) on the listening descriptor; the new connection is not inherited by children. */
    static SeqpacketConnection accept(int listener) throws ErrnoException {
        return new SeqpacketConnection((int) Libc.call("accept4", SocketCalls.ACCEPT4, listener, MemorySegment.NULL,
                MemorySegment.NULL, SOCK_CLOEXEC));
    }
    // end::accept[]

    /**
     * Tells an empty datagram from the client's hang-up, which recv(2) cannot (lesson 04):
     * {@link SeqpacketReceiver#receive} returns null only at the end of the connection.
     */
    SeqpacketReceiver receiver() throws ErrnoException {
        return new SeqpacketReceiver(fd);
    }

    void send(byte[] datagram) throws ErrnoException {
        SocketMessages.send(fd, MemorySegment.NULL, datagram, List.of(), 0);
    }

    /** False if the send timed out (SO_SNDTIMEO): the client has not read what it was sent. */
    boolean trySend(byte[] datagram) throws ErrnoException {
        return SocketMessages.sendInTime(fd, datagram);
    }

    /** SO_SNDTIMEO: a send that waits longer fails with EAGAIN. */
    void sendTimeout(Duration timeout) throws ErrnoException {
        SocketOption.sendTimeout(fd, timeout);
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
