package uds.peercred;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;

import org.newsclub.net.unix.AFUNIXServerSocket;
import org.newsclub.net.unix.AFUNIXSocket;
import org.newsclub.net.unix.AFUNIXSocketAddress;

import uds.support.SocketPath;
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

    private PeerCredServer(AFUNIXServerSocket server, AllowList allowList, PrintStream out) {
        this.server = server;
        this.allowList = allowList;
        this.out = out;
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
    static void run(Path socket, AllowList allowList, PrintStream out) throws IOException {
        PeerCredServer server = bind(socket, allowList, out);
        Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        out.println("listening on " + socket);
        server.serve();
    }

    /** One connection at a time: each is answered at once, nothing is read from the peer. */
    void serve() throws IOException {
        while (true) {
            try (AFUNIXSocket connection = server.accept()) {
                answer(connection);
            } catch (SocketException e) {
                if (closing.get()) {
                    return;
                }
                out.println("connection failed: " + e.getMessage()); // the next peer is still served
            }
        }
    }

    // tag::answer[]
    private void answer(AFUNIXSocket connection) throws IOException {
        PeerCredentials peer = Getsockopt.peerCredentials(connection.getFileDescriptor());
        String line = allowList.admits(peer)
                ? "peer " + peer.describe()
                : "denied uid=" + UserDatabase.userLabel(peer.uid());
        out.println(line);
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
