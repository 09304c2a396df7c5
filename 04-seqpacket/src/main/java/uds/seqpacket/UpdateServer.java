package uds.seqpacket;

import java.io.IOException;
import java.io.PrintStream;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.nio.channels.ByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.newsclub.net.unix.AFSocketType;
import org.newsclub.net.unix.AFUNIXDatagramSocket;
import org.newsclub.net.unix.AFUNIXSocketAddress;

import uds.support.SocketPath;
import uds.support.ThisProcess;
import uds.support.UserDatabase;

/**
 * The privileged update server of lesson 04 (its partner: {@link UpdateClient}). It runs as
 * the user who may write the configuration file and accepts requests over SOCK_SEQPACKET from
 * the users on its allow list only: one request per datagram, one reply per datagram.
 */
final class UpdateServer implements AutoCloseable {

    /** The largest request we accept, in bytes. */
    static final int MAX_REQUEST = 4096;

    private final Path socket;
    private final AFUNIXDatagramSocket server;
    private final ConfigFile config;
    private final Set<Long> allowedUids;
    private final PrintStream out;
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicBoolean closing = new AtomicBoolean();

    private UpdateServer(Path socket, AFUNIXDatagramSocket server, ConfigFile config, Set<Long> allowedUids,
                         PrintStream out) {
        this.socket = socket;
        this.server = server;
        this.config = config;
        this.allowedUids = allowedUids;
        this.out = out;
    }

    // tag::listen[]
    static UpdateServer start(Path socket, Path configFile, Set<Long> allowedUids, PrintStream out)
            throws IOException {
        ConfigFile config = ConfigFile.load(configFile);
        SocketPath.checkFree(socket); // deletes nothing: lesson 01 clears stale sockets safely
        AFUNIXDatagramSocket server = AFUNIXDatagramSocket.newInstance(AFSocketType.SOCK_SEQPACKET);
        server.bind(AFUNIXSocketAddress.of(socket));
        server.listen(16); // a datagram socket that listens and accepts: connection-oriented
        return new UpdateServer(socket, server, config, allowedUids, out);
    }
    // end::listen[]

    /** Serves until SIGINT or SIGTERM. With no allow list, admits only the user running it. */
    static void run(Path socket, Path configFile, Set<Long> allowedUids, PrintStream out) throws IOException {
        if (allowedUids.isEmpty()) {
            allowedUids = Set.of(ThisProcess.uid());
        }
        UpdateServer server = start(socket, configFile, allowedUids, out);
        Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        out.println("listening on " + socket + " for uid " + allowedUids.stream().map(UserDatabase::userLabel).toList());
        server.serve();
    }

    void serve() throws IOException {
        while (true) {
            AFUNIXDatagramSocket connection;
            try {
                connection = (AFUNIXDatagramSocket) server.accept();
            } catch (SocketException e) {
                if (closing.get()) {
                    return;
                }
                throw e;
            }
            int id = connections.incrementAndGet();
            Thread.ofPlatform().daemon().name("connection-" + id).start(() -> handle(connection, id));
        }
    }

    // tag::handle[]
    private void handle(AFUNIXDatagramSocket connection, int id) {
        try (connection) {
            // Before reading a byte: who is this? The kernel answers for the connection.
            long uid = Integer.toUnsignedLong((int) connection.getPeerCredentials().getUid());
            ByteChannel channel = connection.getChannel();
            if (!allowedUids.contains(uid)) {
                out.println("connection " + id + ": uid " + UserDatabase.userLabel(uid) + " refused");
                reply(channel, "ERR not authorized");
                drainUntilHangUp(connection);
                return;
            }
            out.println("connection " + id + ": uid " + UserDatabase.userLabel(uid) + " admitted");
            // One byte more than we accept: a datagram that fills it was too large. The kernel
            // cuts a longer datagram to the buffer and says so (MSG_TRUNC in recvmsg's flags),
            // but junixsocket's read does not pass that flag on, so the check is ours to make.
            ByteBuffer datagram = ByteBuffer.allocate(MAX_REQUEST + 1);
            while (true) {
                datagram.clear();
                if (channel.read(datagram) < 0) {
                    return; // the client hung up
                }
                datagram.flip();
                reply(channel, datagram.remaining() > MAX_REQUEST ? "ERR too large" : answer(datagram));
            }
        } catch (IOException e) {
            out.println("connection " + id + " failed: " + e.getMessage());
        }
    }
    // end::handle[]

    /**
     * Reads and drops whatever the refused client sends until it hangs up, waiting at most
     * 2 s for each datagram: the limit is per read, so a peer that trickles datagrams holds
     * this thread for longer.
     * Closing with its request still unread would make the kernel reset the connection, and
     * the client would get ECONNRESET in place of our reply. Web servers do the same
     * ("lingering close").
     */
    private static void drainUntilHangUp(AFUNIXDatagramSocket connection) {
        try {
            connection.setSoTimeout(2000);
            ByteBuffer discard = ByteBuffer.allocate(MAX_REQUEST + 1);
            while (connection.getChannel().read(discard.clear()) >= 0) {
                // dropped unread: this peer may not make requests
            }
        } catch (IOException e) {
            // timed out or gone: close anyway
        }
    }

    // tag::answer[]
    private String answer(ByteBuffer datagram) throws IOException {
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
        }
    }
    // end::answer[]

    private static void reply(ByteChannel channel, String reply) throws IOException {
        channel.write(ByteBuffer.wrap(reply.getBytes(StandardCharsets.UTF_8)));
    }

    /** Unlike junixsocket's stream server socket, this one leaves its file: remove it ourselves. */
    @Override
    public void close() {
        if (closing.getAndSet(true)) {
            return;
        }
        try {
            server.close();
            Files.deleteIfExists(socket);
        } catch (IOException e) {
            out.println("error: while closing: " + e.getMessage());
        }
        out.println("removed " + socket);
    }
}
