package uds.abstractnamespace;

import java.io.IOException;
import java.io.PrintStream;
import java.net.SocketException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.newsclub.net.unix.AFUNIXServerSocket;
import org.newsclub.net.unix.AFUNIXSocket;

import uds.support.AcceptLoop;
import uds.support.ConnectionThreads;
import uds.support.Credentials;
import uds.support.EchoConnection;
import uds.support.ServerLimits;

/**
 * The server of lesson 02 (its partner: {@link EchoClient}): a stream socket bound to an
 * abstract name, echoing every line. Run by {@code squat}, the same server plays the
 * impostor: it echoes too, so its clients notice nothing, and it shows what it captured.
 */
final class EchoServer implements AutoCloseable {

    private final AbstractName name;
    private final AFUNIXServerSocket server;
    private final PrintStream out;
    private final boolean showCaptured;
    private final AtomicBoolean closing = new AtomicBoolean();

    private EchoServer(AbstractName name, AFUNIXServerSocket server, PrintStream out, boolean showCaptured) {
        this.name = name;
        this.server = server;
        this.out = out;
        this.showCaptured = showCaptured;
    }

    // tag::bind[]
    /**
     * Binds name. There is no file to check, remove or chmod first: the name exists exactly
     * as long as a socket is bound to it, and a name in use makes bind fail, whoever holds it.
     */
    static EchoServer bind(AbstractName name, PrintStream out, boolean showCaptured) throws IOException {
        AFUNIXServerSocket server = AFUNIXServerSocket.newInstance();
        try {
            server.bind(name.address());
        } catch (SocketException e) {
            server.close();
            // junixsocket throws a plain SocketException for every errno, its text in the
            // user's language: ask the kernel's table whether someone holds the name.
            if (!ProcNetUnix.linesFor(name).isEmpty()) {
                throw new IOException("name already in use: another process holds " + name
                        + " (ss -xlp | grep '" + name + "' shows which)", e);
            }
            throw e;
        }
        return new EchoServer(name, server, out, showCaptured);
    }
    // end::bind[]

    /** Serves until SIGINT or SIGTERM. */
    static void run(AbstractName name, ServerLimits limits, PrintStream out, boolean squatting)
            throws IOException, InterruptedException {
        EchoServer server = bind(name, out, squatting);
        Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        out.println(squatting
                ? "squatting " + name + ": whoever connects is talking to me"
                : "listening on " + name);
        server.serve(limits);
    }

    /**
     * Accepts connections until {@link #close()}, each on a thread of its own. No permission
     * check stands in front of an abstract name, so every local user can reach this loop:
     * {@link AcceptLoop} caps the connections, {@link EchoConnection} the line length and the
     * idle time.
     */
    void serve(ServerLimits limits) throws InterruptedException {
        new AcceptLoop<AFUNIXSocket>(server::accept, limits.maxConnections(), ConnectionThreads.platform(),
                closing::get, out::println)
                .perUser(limits.maxPerUser(), connection -> Credentials.unsigned(connection.getPeerCredentials().getUid()))
                .refuseWith(EchoConnection::refuseBusy)
                .run((connection, id) -> EchoConnection.serve(connection, id, limits.idleTimeout(), out::println,
                        // what the impostor captured, escaped: a peer's bytes never reach the terminal raw
                        line -> {
                            if (showCaptured) {
                                out.println("captured: " + line);
                            }
                        }));
    }

    /** Closing frees the name at once; there is no file to remove. */
    @Override
    public void close() {
        if (closing.getAndSet(true)) {
            return;
        }
        try {
            server.close();
        } catch (IOException e) {
            out.println("error: while closing: " + e.getMessage());
        }
        out.println("released " + name);
    }
}
