package uds.socketactivation;

import static uds.support.SocketConstants.SOCK_STREAM;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;

import org.newsclub.net.unix.AFUNIXServerSocket;
import org.newsclub.net.unix.AFUNIXSocket;
import org.newsclub.net.unix.AFUNIXSocketAddress;
import org.newsclub.net.unix.FileDescriptorCast;

import uds.support.AcceptLoop;
import uds.support.ConnectionThreads;
import uds.support.Credentials;
import uds.support.EchoConnection;
import uds.support.ServerLimits;

/**
 * The server of lesson 07 (its partner: {@link EchoClient}), started by a service manager with
 * a listening socket at descriptor 3. It never binds, never chmods and never removes a socket
 * file: the service manager made it, with the owner and mode of its configuration, before this
 * process existed, and keeps it when this process ends.
 */
final class ActivatedServer {

    // tag::adopt[]
    /** The listening socket at descriptor 3, as a junixsocket server socket that leaves the file alone. */
    static AFUNIXServerSocket adopt() throws IOException {
        InheritedSocket.check(Activation.FIRST_DESCRIPTOR, SOCK_STREAM);
        // The JDK has no way to adopt a descriptor other than 0 (System.inheritedChannel);
        // junixsocket's FileDescriptorCast turns any number into one of its sockets.
        AFUNIXServerSocket server = FileDescriptorCast.unsafeUsing(Activation.FIRST_DESCRIPTOR).as(AFUNIXServerSocket.class);
        server.setDeleteOnClose(false); // the file is the service manager's, not ours
        return server;
    }
    // end::adopt[]

    static void run(Activation activation, ServerLimits limits, PrintStream out) throws IOException, InterruptedException {
        AFUNIXServerSocket server = adopt();
        AtomicBoolean closing = new AtomicBoolean();
        // A clean stop closes the socket (the manager keeps its own descriptor of it): with
        // junixsocket's deleteOnClose left on, this close would remove the manager's file.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            closing.set(true);
            try {
                server.close();
            } catch (IOException e) {
                out.println("error: while closing: " + e.getMessage());
            }
        }));
        out.println("serving on descriptor 3" + (activation.names().isEmpty() ? "" : " (" + activation.names().get(0) + ")")
                + " (" + ((AFUNIXSocketAddress) server.getLocalSocketAddress()).getPath() + "), passed by the service manager");
        new AcceptLoop<AFUNIXSocket>(server::accept, limits.maxConnections(), ConnectionThreads.platform(), closing::get,
                out::println)
                .perUser(limits.maxPerUser(), connection -> Credentials.unsigned(connection.getPeerCredentials().getUid()))
                .run((connection, id) -> {
                    String greeting = Greeting.of(connection.getPeerCredentials());
                    out.println("connection " + id + ": " + greeting.substring("hello ".length()));
                    connection.getOutputStream().write((greeting + "\n").getBytes(StandardCharsets.UTF_8));
                    EchoConnection.serve(connection, id, limits.idleTimeout(), out::println, line -> { });
                });
    }

    private ActivatedServer() {
    }
}
