package uds.seqpacket;

import java.io.FileDescriptor;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.channels.ByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.newsclub.net.unix.AFSocketType;
import org.newsclub.net.unix.AFUNIXDatagramSocket;
import org.newsclub.net.unix.AFUNIXSocketAddress;

import uds.support.AcceptLoop;
import uds.support.ConnectionThreads;
import uds.support.Credentials;
import uds.support.ErrnoException;
import uds.support.SeqpacketReceiver;
import uds.support.ServerLimits;
import uds.support.SocketMessages;
import uds.support.SocketOption;
import uds.support.SocketPath;
import uds.support.StaleSocketGuard;
import uds.support.ThisProcess;
import uds.support.ThrottledLog;
import uds.support.UserDatabase;

/**
 * The privileged update server of lesson 04 (its partner: {@link UpdateClient}). It runs as
 * the user who may write the configuration file and accepts requests over SOCK_SEQPACKET from
 * the users on its allow list only: one request per datagram, one reply per datagram.
 */
final class UpdateServer implements AutoCloseable {

    /** The largest request we accept, in bytes. */
    static final int MAX_REQUEST = 4096;

    /** How long a refused client may take to hang up after its refusal, all reads together. */
    static final Duration DRAIN_DEADLINE = Duration.ofSeconds(2);

    private final Path socket;
    private final StaleSocketGuard guard;
    private final AFUNIXDatagramSocket server;
    private final ConfigFile config;
    private final Set<Long> allowedUids;
    private final ServerLimits limits;
    private final PrintStream out;
    private final AtomicBoolean closing = new AtomicBoolean();
    private final AtomicBoolean serving = new AtomicBoolean();
    private final CountDownLatch served = new CountDownLatch(1);
    private final ThrottledLog refusals;

    private UpdateServer(Path socket, StaleSocketGuard guard, AFUNIXDatagramSocket server, ConfigFile config,
                         Set<Long> allowedUids, ServerLimits limits, PrintStream out) {
        this.socket = socket;
        this.guard = guard;
        this.server = server;
        this.config = config;
        this.allowedUids = allowedUids;
        this.limits = limits;
        this.out = out;
        this.refusals = new ThrottledLog(out::println, "refusals", 1);
    }

    // tag::listen[]
    static UpdateServer start(Path socket, Path configFile, Set<Long> allowedUids, ServerLimits limits,
                              PrintStream out) throws IOException {
        SocketPath.check(socket);
        // The file first: a path this server cannot trust stops it before any client is heard.
        ConfigFile config = ConfigFile.open(configFile, out::println);
        StaleSocketGuard guard = null;
        try {
            guard = StaleSocketGuard.acquire(socket, out::println); // lesson 01: never a live server's socket
            AFUNIXDatagramSocket server = AFUNIXDatagramSocket.newInstance(AFSocketType.SOCK_SEQPACKET);
            server.bind(AFUNIXSocketAddress.of(socket));
            server.listen(16); // a datagram socket that listens and accepts: connection-oriented
            return new UpdateServer(socket, guard, server, config, allowedUids, limits, out);
        } catch (IOException | RuntimeException e) {
            if (guard != null) {
                guard.close();
            }
            config.close();
            throw e;
        }
    }
    // end::listen[]

    /** Serves until SIGINT or SIGTERM. With no allow list, admits only the user running it. */
    static void run(Path socket, Path configFile, Set<Long> allowedUids, ServerLimits limits, PrintStream out)
            throws IOException, InterruptedException {
        if (allowedUids.isEmpty()) {
            allowedUids = Set.of(ThisProcess.uid());
        }
        UpdateServer server = start(socket, configFile, allowedUids, limits, out);
        Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        out.println("listening on " + socket + " for uid " + allowedUids.stream().map(UserDatabase::userLabel).toList()
                + " (SO_PEERCRED names the process that connected: a connection handed on keeps its uid)");
        server.serve();
    }

    /** Accepts connections until {@link #close()}; {@link AcceptLoop} caps how many are served at once. */
    void serve() throws InterruptedException {
        serving.set(true);
        try {
            accept();
        } finally {
            served.countDown();
        }
    }

    private void accept() throws InterruptedException {
        new AcceptLoop<AFUNIXDatagramSocket>(() -> (AFUNIXDatagramSocket) server.accept(), limits.maxConnections(),
                ConnectionThreads.platform(), closing::get, out::println)
                .perUser(limits.maxPerUser(), connection -> Credentials.unsigned(connection.getPeerCredentials().getUid()))
                .refuseWith(connection -> reply(connection.getChannel(), "ERR server busy, try again later"))
                .run(this::handle);
    }

    // tag::handle[]
    private void handle(AFUNIXDatagramSocket connection, int id) throws IOException {
        // Before reading a byte: who is this? The kernel answers for the connection.
        long uid = Credentials.unsigned(connection.getPeerCredentials().getUid());
        FileDescriptor fd = connection.getFileDescriptor();
        int socket = Readiness.fd(fd);
        // Without a send timeout, a client that sends requests and never reads the replies
        // would hold this thread in the kernel's send for ever: no receive timeout applies
        // there. (junixsocket's own write retries after EAGAIN: the replies go through FFM.)
        SocketOption.sendTimeout(socket, limits.idleTimeout());
        // recv(2) returns 0 for an empty datagram and at the end alike; junixsocket's read
        // turns both into -1. SeqpacketReceiver asks the kernel which one it was.
        SeqpacketReceiver requests = new SeqpacketReceiver(socket);
        if (!allowedUids.contains(uid)) {
            String who = UserDatabase.userLabel(uid);
            refusals.log("from uid " + who, () -> "connection " + id + ": uid " + who + " refused");
            send(socket, "ERR not authorized");
            drainUntilHangUp(requests, fd); // within the uid's share (--max-per-user), 2 s at most
            return;
        }
        out.println("connection " + id + ": uid " + UserDatabase.userLabel(uid) + " admitted");
        while (true) {
            if (!Readiness.await(fd, limits.idleTimeout().toMillis())) {
                send(socket, "ERR idle for " + limits.idleTimeout().toSeconds() + " s; closing");
                out.println("connection " + id + " closed: idle for " + limits.idleTimeout().toSeconds() + " s");
                return;
            }
            // The kernel cuts a longer datagram to the buffer and says so (MSG_TRUNC), which
            // junixsocket's read would not pass on.
            SeqpacketReceiver.Datagram request = requests.receive(MAX_REQUEST);
            if (request == null) {
                return; // the client hung up, and nothing it sent is left unanswered
            }
            if (!send(socket, request.cut() ? "ERR too large" : answer(ByteBuffer.wrap(request.data())))) {
                out.println("connection " + id + " closed: the client took no reply for "
                        + limits.idleTimeout().toSeconds() + " s");
                return;
            }
        }
    }
    // end::handle[]

    // tag::drain[]
    /**
     * Reads and drops whatever the refused client sends until it hangs up, for at most
     * {@link #DRAIN_DEADLINE} in all: a peer that trickles a byte a second gets no more time
     * than one that sends nothing. Closing with its request still unread would make the kernel
     * reset the connection, and the client would get ECONNRESET in place of our reply. Web
     * servers do the same ("lingering close").
     */
    private static void drainUntilHangUp(SeqpacketReceiver requests, FileDescriptor fd) throws IOException {
        long deadline = System.nanoTime() + DRAIN_DEADLINE.toNanos();
        for (long left; (left = deadline - System.nanoTime()) > 0; ) {
            if (!Readiness.await(fd, Math.max(1, left / 1_000_000)) || requests.receive(MAX_REQUEST) == null) {
                return;
            }
        }
    }
    // end::drain[]

    // tag::answer[]
    private String answer(ByteBuffer datagram) {
        try {
            return switch (Request.parse(datagram)) {
                case Request.Set(String key, String value) -> {
                    config.set(key, value); // on disk before we say OK
                    yield "OK";
                }
                case Request.Get(String key) -> config.get(key).map(v -> "VALUE " + v).orElse("ERR no such key");
                case Request.Del(String key) -> config.delete(key) ? "OK" : "ERR no such key";
            };
        } catch (Request.BadRequest e) {
            return "ERR " + e.getMessage();
        } catch (ErrnoException e) { // the old file stays whole, and the client hears why
            out.println("cannot write " + config.path() + ": " + ErrnoException.describe(e.errno()) + "; it is unchanged");
            return e.errno() == ErrnoException.ENOSPC ? "ERR no space left"
                    : "ERR cannot write the configuration: " + ErrnoException.describe(e.errno());
        } catch (IOException e) {
            out.println("cannot write " + config.path() + ": " + e + "; it is unchanged");
            return "ERR cannot write the configuration: " + e.getClass().getSimpleName();
        }
    }
    // end::answer[]

    private static void reply(ByteChannel channel, String reply) throws IOException {
        channel.write(ByteBuffer.wrap(reply.getBytes(StandardCharsets.UTF_8)));
    }

    /** One reply datagram; false if the send timed out (SO_SNDTIMEO): the client does not read. */
    private static boolean send(int socket, String reply) throws ErrnoException {
        return SocketMessages.sendInTime(socket, reply.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Stops in order: closes the socket (no new connection), waits until {@link #serve()} has
     * returned (the accept loop has ended every handler, so no request is half-way through),
     * removes the socket's file (junixsocket's SEQPACKET server socket leaves it), and only then
     * releases the socket's lock and the configuration's.
     */
    @Override
    public void close() {
        if (closing.getAndSet(true)) {
            return;
        }
        try (guard; config) {
            server.close();
            if (serving.get() && !served.await(AcceptLoop.HANDLERS_GRACE.toSeconds() + 5, TimeUnit.SECONDS)) {
                out.println("error: while closing: the connections did not end; stopping anyway");
            }
            Files.deleteIfExists(socket);
        } catch (IOException e) {
            out.println("error: while closing: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        out.println("removed " + socket);
    }
}
