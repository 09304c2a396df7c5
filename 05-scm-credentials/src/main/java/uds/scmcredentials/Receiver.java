package uds.scmcredentials;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;

import uds.support.AcceptLoop;
import uds.support.ConnectionThreads;
import uds.support.ErrnoException;
import uds.support.ServerLimits;
import uds.support.SocketPath;
import uds.support.ThrottledLog;
import uds.support.UnixSocket;

/**
 * The receiver of lesson 05 (its partner: {@link Sender}). With SO_PASSCRED on, every message
 * it receives comes with the sender's credentials, checked by the kernel: a datagram socket
 * has no connection and no SO_PEERCRED, yet the receiver learns who sent each datagram.
 */
final class Receiver implements AutoCloseable {

    private final UnixSocket socket;
    private final Path path;
    private final PrintStream out;
    private final AtomicBoolean closing = new AtomicBoolean();
    private final ThrottledLog messages;

    /** Messages printed in full per sender in each window of {@link ThrottledLog#WINDOW}; the rest are counted. */
    static final int SHOWN_PER_WINDOW = 20;

    private Receiver(UnixSocket socket, Path path, PrintStream out) {
        this.socket = socket;
        this.path = path;
        this.out = out;
        // Any user may send as fast as the kernel lets them: a line per message would let one
        // sender fill the disk and hide everyone else's messages.
        this.messages = new ThrottledLog(out::println, "messages", SHOWN_PER_WINDOW);
    }

    // tag::bind[]
    static Receiver bind(Path path, boolean stream, boolean passCredentials, PrintStream out) throws IOException {
        SocketPath.checkFree(path); // deletes nothing: lesson 01 clears stale sockets safely
        UnixSocket socket = stream ? UnixSocket.stream() : UnixSocket.datagram();
        try {
            // Before any message can arrive: the kernel attaches credentials as it queues a
            // message, so one queued while the option was off never gets any.
            socket.passCredentials(passCredentials);
            socket.bind(path);
            // This receiver wants to hear from every user and tells them apart by their
            // credentials, not by the file's mode: open the socket file to all.
            Files.setPosixFilePermissions(path, java.nio.file.attribute.PosixFilePermissions.fromString("rw-rw-rw-"));
            if (stream) {
                socket.listen(); // accepted sockets inherit SO_PASSCRED from this one
            }
            return new Receiver(socket, path, out);
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }
    // end::bind[]

    /** Receives until SIGINT or SIGTERM; then removes the socket file, which no one else will. */
    static void run(Path path, boolean stream, boolean passCredentials, ServerLimits limits, PrintStream out)
            throws IOException, InterruptedException {
        Receiver receiver = bind(path, stream, passCredentials, out);
        Runtime.getRuntime().addShutdownHook(new Thread(receiver::close));
        out.println("receiving on " + path + (stream ? " (stream)" : " (datagrams)")
                + (passCredentials ? " with SO_PASSCRED" : " without SO_PASSCRED"));
        if (stream) {
            receiver.acceptConnections(limits);
        } else {
            receiver.receiveFrom(receiver.socket);
        }
    }

    /**
     * Each connection on a thread of its own (a platform thread: an FFM recvmsg blocks the
     * thread that makes it), so a sender that connects and says nothing holds up no one else.
     */
    private void acceptConnections(ServerLimits limits) throws InterruptedException {
        new AcceptLoop<UnixSocket>(socket::accept, limits.maxConnections(), ConnectionThreads.platform(),
                closing::get, out::println)
                .perUser(limits.maxPerUser(), connection -> connection.peerCredentials().uid())
                .run((connection, id) -> {
                    out.println("connected: SO_PEERCRED " + connection.peerCredentials().describe());
                    connection.receiveTimeout(limits.idleTimeout());
                    try {
                        receiveFrom(connection);
                        out.println("disconnected");
                    } catch (ErrnoException e) {
                        if (e.errno() != ErrnoException.EAGAIN) {
                            throw e;
                        }
                        out.println("disconnected: idle for " + limits.idleTimeout().toSeconds() + " s");
                    }
                });
    }

    private void receiveFrom(UnixSocket source) throws IOException {
        for (UnixSocket.Received message; (message = source.receive(UnixSocket.CONTROL_SPACE)) != null; ) {
            UnixSocket.Received received = message; // the loop's variable is not effectively final
            messages.log(received.countedAs(), () -> String.join("\n", received.describe()));
        }
    }

    @Override
    public void close() {
        if (closing.getAndSet(true)) {
            return;
        }
        socket.close();
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            out.println("error: while removing " + path + ": " + e.getMessage());
        }
    }
}
