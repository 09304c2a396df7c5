package uds.pathsocket;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import org.newsclub.net.unix.AFUNIXServerSocket;
import org.newsclub.net.unix.AFUNIXSocket;
import org.newsclub.net.unix.AFUNIXSocketAddress;

import uds.support.AcceptLoop;
import uds.support.ConnectionThreads;
import uds.support.Credentials;
import uds.support.EchoConnection;
import uds.support.ServerLimits;
import uds.support.SocketPath;
import uds.support.StaleSocketGuard;

/**
 * The server of lesson 01 (its partners: {@link EchoClient}, {@link JdkEchoClient}): a stream
 * socket bound to a file, echoing every line it receives.
 *
 * <p>Start-up order matters: the guard clears a stale file and locks the path, then bind
 * creates the socket file, then chmod sets the mode asked for.
 */
final class EchoServer implements AutoCloseable {

    private final Path socket;
    private final PrintStream out;
    private final StaleSocketGuard guard;
    private final AFUNIXServerSocket server;
    private final ServerLimits limits;
    private final AtomicBoolean closing = new AtomicBoolean();

    private EchoServer(Path socket, PrintStream out, StaleSocketGuard guard, AFUNIXServerSocket server,
                       ServerLimits limits) {
        this.socket = socket;
        this.out = out;
        this.guard = guard;
        this.server = server;
        this.limits = limits;
    }

    /** Serves on socket until SIGINT or SIGTERM, then removes the socket file. */
    static void run(Path socket, Integer mode, ServerLimits limits, PrintStream out)
            throws IOException, InterruptedException {
        EchoServer server = start(socket, mode, limits, out);
        // tag::shutdown[]
        // Ctrl-C (SIGINT) and kill (SIGTERM) run shutdown hooks; kill -9 runs nothing,
        // which is why a stale file can be left for the next start to clear.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
            } catch (IOException e) {
                System.err.println("error: while closing: " + e.getMessage());
            }
        }));
        // end::shutdown[]
        out.println("listening on " + socket + " (mode " + server.mode() + ")");
        server.serve();
    }

    /** Binds socket (made safe by {@link StaleSocketGuard}) and sets its mode if one is given. */
    static EchoServer start(Path socket, Integer mode, ServerLimits limits, PrintStream out) throws IOException {
        SocketPath.check(socket);
        StaleSocketGuard guard = StaleSocketGuard.acquire(socket, out::println);
        try {
            AFUNIXServerSocket server = bind(socket);
            if (mode != null) {
                chmod(socket, mode);
            }
            return new EchoServer(socket, out, guard, server, limits);
        } catch (IOException | RuntimeException e) {
            guard.close();
            throw e;
        }
    }

    // tag::bind[]
    static AFUNIXServerSocket bind(Path socket) throws IOException {
        AFUNIXServerSocket server = AFUNIXServerSocket.newInstance();
        // junixsocket's default (reuse-address on) binds over anything at the path: it would
        // take a live server's path and remove a regular file. Off, it first connects: a live
        // server makes bind fail, but a stale socket or a regular file is still unlinked
        // silently. So StaleSocketGuard, which runs before this, is the real protection.
        server.setReuseAddress(false);
        server.bind(AFUNIXSocketAddress.of(socket));
        return server;
    }
    // end::bind[]

    // tag::chmod[]
    /**
     * Sets the socket file's mode. Until this runs the file has the mode bind gave it:
     * junixsocket's native bind makes it 0666 whatever the umask, so for that moment any
     * user who can reach the directory may connect. A private directory closes that window.
     */
    static void chmod(Path socket, int mode) throws IOException {
        Files.setPosixFilePermissions(socket, permissions(mode));
    }
    // end::chmod[]

    /** 0640 → rw-r-----. */
    static Set<PosixFilePermission> permissions(int mode) {
        PosixFilePermission[] bits = PosixFilePermission.values(); // declared from 0400 down to 0001
        Set<PosixFilePermission> set = EnumSet.noneOf(PosixFilePermission.class);
        for (int i = 0; i < bits.length; i++) {
            if ((mode & (0400 >> i)) != 0) {
                set.add(bits[i]);
            }
        }
        return set;
    }

    /** The mode the socket file really has, as octal digits: 0600. */
    String mode() throws IOException {
        int mode = (int) Files.getAttribute(socket, "unix:mode");
        return String.format("%04o", mode & 07777);
    }

    // tag::serve[]
    /**
     * Accepts connections until {@link #close()}, each on a thread of its own, so that one
     * client that sends nothing cannot hold up the others; {@link AcceptLoop} caps how many
     * are served at once.
     */
    void serve() throws InterruptedException {
        new AcceptLoop<AFUNIXSocket>(server::accept, limits.maxConnections(), ConnectionThreads.platform(),
                closing::get, out::println)
                .perUser(limits.maxPerUser(), connection -> Credentials.unsigned(connection.getPeerCredentials().getUid()))
                .refuseWith(EchoConnection::refuseBusy)
                .run((connection, id) -> EchoConnection.serve(connection, id, limits.idleTimeout(), out::println, line -> { }));
    }
    // end::serve[]

    /** Closes the socket (junixsocket then deletes its file) and releases the lock. */
    @Override
    public void close() throws IOException {
        if (closing.getAndSet(true)) {
            return; // already closed, by the shutdown hook or by serve()'s caller
        }
        try {
            server.close();
        } finally {
            guard.close();
        }
        out.println("removed " + socket);
    }
}
