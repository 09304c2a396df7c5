package uds.peercred;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;

import org.newsclub.net.unix.AFUNIXServerSocket;
import org.newsclub.net.unix.AFUNIXSocket;
import org.newsclub.net.unix.AFUNIXSocketAddress;

import uds.support.AcceptLoop;
import uds.support.ConnectionThreads;
import uds.support.Credentials;
import uds.support.ServerLimits;
import uds.support.SocketPath;
import uds.support.ThrottledLog;
import uds.support.UserDatabase;

/**
 * The server of lesson 03 (its partner: {@link PeerCredClient}). For each connection it asks
 * the kernel who the peer is, answers one line and hangs up: {@code peer pid=… uid=…(…) gid=…(…)},
 * or {@code denied uid=…(…)} for a peer the allow list does not admit.
 */
final class PeerCredServer implements AutoCloseable {

    private final AFUNIXServerSocket server;
    private final AllowList allowList;
    private final PrintStream out;
    private final AtomicBoolean closing = new AtomicBoolean();
    private final ThrottledLog denials;

    private PeerCredServer(AFUNIXServerSocket server, AllowList allowList, PrintStream out) {
        this.server = server;
        this.allowList = allowList;
        this.out = out;
        this.denials = new ThrottledLog(out::println, "denials", 3);
    }

    static PeerCredServer bind(Path socket, AllowList allowList, PrintStream out) throws IOException {
        SocketPath.checkFree(socket);
        AFUNIXServerSocket server = AFUNIXServerSocket.newInstance();
        // Off, a live server's path makes bind fail instead of being taken over (lesson 01);
        // anything else at the path checkFree has already refused.
        server.setReuseAddress(false);
        server.bind(AFUNIXSocketAddress.of(socket));
        return new PeerCredServer(server, allowList, out);
    }

    /** Serves until SIGINT or SIGTERM; the socket file goes when the socket closes. */
    static void run(Path socket, AllowList allowList, ServerLimits limits, PrintStream out)
            throws IOException, InterruptedException {
        PeerCredServer server = bind(socket, allowList, out);
        Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        out.println("listening on " + socket);
        server.serve(limits);
    }

    /**
     * Each connection is answered at once and closed; nothing is read from the peer, so no peer
     * can make an answer wait. {@link AcceptLoop} still caps the connections in flight and
     * backs off when accept fails (EMFILE, say), instead of spinning or exiting, and gives
     * each user a share of them. (Nothing here waits on a peer: --idle-timeout has no use.)
     */
    void serve(ServerLimits limits) throws InterruptedException {
        new AcceptLoop<AFUNIXSocket>(server::accept, limits.maxConnections(), ConnectionThreads.platform(), closing::get,
                out::println)
                .perUser(limits.maxPerUser(), connection -> Credentials.unsigned(connection.getPeerCredentials().getUid()))
                .run((connection, id) -> answer(connection));
    }

    // tag::answer[]
    private void answer(AFUNIXSocket connection) throws IOException {
        PeerCredentials peer = Getsockopt.peerCredentials(connection.getFileDescriptor());
        boolean admitted = allowList.admits(peer);
        String line = admitted ? "peer " + peer.describe() : "denied uid=" + UserDatabase.userLabel(peer.uid());
        if (admitted) {
            out.println(line);
        } else { // a denied user may try again at once, as often as they like
            denials.log("from uid " + UserDatabase.userLabel(peer.uid()), () -> line);
        }
        OutputStream reply = connection.getOutputStream();
        reply.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        reply.flush();
    }
    // end::answer[]

    @Override
    public void close() {
        if (closing.getAndSet(true)) {
            return;
        }
        try {
            server.close(); // junixsocket deletes the socket file on close
        } catch (IOException e) {
            out.println("error: while closing: " + e.getMessage());
        }
    }
}
