package uds.socketactivation;

import static uds.support.SocketConstants.SOCK_SEQPACKET;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import uds.support.AcceptLoop;
import uds.support.ConnectionThreads;
import uds.support.ErrnoException;
import uds.support.SeqpacketReceiver;
import uds.support.ServerLimits;
import uds.support.SocketOption;

/**
 * Lesson 07's server on a SOCK_SEQPACKET socket passed at descriptor 3
 * ({@code systemd-socket-activate --seqpacket}, or ListenSequentialPacket= in a .socket unit).
 * {@link System#inheritedChannel()} offers nothing for it, and junixsocket cannot adopt it:
 * accept, receive and send go through FFM ({@link SeqpacketConnection}). It greets without
 * the peer's credentials: SO_PEERCRED through FFM is lesson 03's.
 */
final class SeqpacketServer {

    /** The largest datagram read; a longer one is cut (lesson 04). */
    static final int MAX_MESSAGE = 4096;

    static void run(Activation activation, ServerLimits limits, PrintStream out) throws IOException, InterruptedException {
        InheritedSocket.check(Activation.FIRST_DESCRIPTOR, SOCK_SEQPACKET);
        // Descriptor 3 is the manager's: a stop (SIGTERM) ends the JVM and its connections with
        // it, and nothing here closes or shuts down the listener that the manager keeps.
        out.println("serving SOCK_SEQPACKET on descriptor 3, passed by the service manager");
        new AcceptLoop<SeqpacketConnection>(() -> SeqpacketConnection.accept(Activation.FIRST_DESCRIPTOR),
                limits.maxConnections(), ConnectionThreads.platform(), () -> false, out::println)
                .perUser(limits.maxPerUser(), connection -> SocketOption.peerCredentials(connection.fd()).uid())
                .run((connection, id) -> {
                    out.println("connection " + id + " opened");
                    // Both ways bounded: a client that sends and never reads would otherwise hold
                    // this thread in the kernel's send for ever, where no receive timeout applies.
                    connection.receiveTimeout(limits.idleTimeout());
                    connection.sendTimeout(limits.idleTimeout());
                    connection.send("hello (SOCK_SEQPACKET: each datagram comes back as it was)".getBytes(StandardCharsets.UTF_8));
                    SeqpacketReceiver datagrams = connection.receiver();
                    try {
                        for (SeqpacketReceiver.Datagram datagram; (datagram = datagrams.receive(MAX_MESSAGE)) != null; ) {
                            if (!connection.trySend(datagram.data())) { // an empty one comes back empty
                                out.println("connection " + id + " closed: the client took no reply for "
                                        + limits.idleTimeout().toSeconds() + " s");
                                return;
                            }
                        }
                        out.println("connection " + id + " closed");
                    } catch (ErrnoException e) {
                        if (e.errno() != ErrnoException.EAGAIN) {
                            throw e;
                        }
                        out.println("connection " + id + " closed: idle for " + limits.idleTimeout().toSeconds() + " s");
                    }
                });
    }

    private SeqpacketServer() {
    }
}
