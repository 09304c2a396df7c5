package uds.http;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.unixdomain.server.UnixDomainServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

import uds.support.SocketPath;
import uds.support.StaleSocketGuard;
import uds.support.ThisProcess;
import uds.support.ThrottledLog;
import uds.support.UserDatabase;

/**
 * Lesson 09's service (its clients: {@link ClientCommand}, curl): a local agent with an HTTP
 * API on a Unix socket, served by Jetty 12, that knows who calls without any token, the way
 * Docker's socket does. The socket file follows lesson 01 (the lock, a stale file cleared
 * safely, the mode set after bind); what one caller may cost is bounded by Jetty's settings.
 */
final class AgentServer implements AutoCloseable {

    /** A connection with nothing to read or write for this long is closed: idle keep-alives too. */
    static final Duration IDLE = Duration.ofSeconds(20);
    static final int MAX_CONNECTIONS = 64;
    /** A quarter of them per local user: four users at least can always connect. */
    static final int MAX_PER_USER = MAX_CONNECTIONS / 4;
    /** The request line and headers together: more is answered 431. */
    static final int MAX_HEADER_BYTES = 8192;
    /** Request lines logged in full per caller in each window; the rest are counted. */
    static final int SHOWN_PER_WINDOW = 20;

    private final Server jetty;
    private final StaleSocketGuard guard;

    private AgentServer(Server jetty, StaleSocketGuard guard) {
        this.jetty = jetty;
        this.guard = guard;
    }

    /** Serves until SIGINT or SIGTERM; Jetty removes the socket file as it stops. */
    static void run(Path socket, int mode, Set<Long> admins, PrintStream out) throws Exception {
        AgentServer server = start(socket, mode, admins, out);
        Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        out.println("serving HTTP on " + socket + " (mode " + String.format("%04o", mode) + "); writers: "
                + writers(admins).stream().sorted().map(UserDatabase::userLabel).toList());
        server.jetty.join();
    }

    // tag::start[]
    static AgentServer start(Path given, int mode, Set<Long> admins, PrintStream out)
            throws Exception {
        Path socket = SocketPath.check(given.toAbsolutePath());
        StaleSocketGuard guard = StaleSocketGuard.acquire(socket, out::println);
        QueuedThreadPool threads = new QueuedThreadPool(MAX_CONNECTIONS + 16, 4);
        threads.setName("agent");
        Server jetty = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setRequestHeaderSize(MAX_HEADER_BYTES);
        http.setSendServerVersion(false);
        UnixDomainServerConnector connector = new UnixDomainServerConnector(jetty, new HttpConnectionFactory(http));
        connector.setUnixDomainPath(socket);
        connector.setIdleTimeout(IDLE.toMillis());
        jetty.addConnector(connector);
        // Past the limit Jetty stops accepting: callers wait in the backlog, not in our heap.
        jetty.addBean(new NetworkConnectionLimit(MAX_CONNECTIONS, connector));
        ThrottledLog log = new ThrottledLog(out::println, "requests", SHOWN_PER_WINDOW);
        connector.addEventListener(new ConnectionsPerUser(MAX_PER_USER,
                new ThrottledLog(out::println, "refusals", SHOWN_PER_WINDOW)));
        Events events = new Events();
        jetty.setHandler(new AgentHandler(writers(admins), new Notes(events), events, log));
        try {
            jetty.start(); // binds; Jetty refuses a path that exists, and the guard cleared only a stale one
            // Before this, the file has the umask's mode: no one else can connect (that needs w).
            Files.setAttribute(socket, "unix:mode", mode);
        } catch (Exception e) {
            jetty.stop();
            guard.close();
            throw e;
        }
        return new AgentServer(jetty, guard);
    }
    // end::start[]

    /** Who may write notes: the server's own user, and each --admin-user. */
    static Set<Long> writers(Set<Long> admins) {
        Set<Long> writers = new HashSet<>(admins);
        writers.add(ThisProcess.uid());
        return writers;
    }

    @Override
    public void close() {
        try {
            jetty.stop();
            guard.close();
        } catch (Exception e) {
            System.err.println("error: while stopping: " + e.getMessage());
        }
    }
}
