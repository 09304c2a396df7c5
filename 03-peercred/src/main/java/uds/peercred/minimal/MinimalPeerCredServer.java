// The smallest SO_PEERCRED server (lesson 03): for each connection, ask the kernel who
// is at the other end, and tell the client. JDK only (jdk.net.ExtendedSocketOptions):
// java MinimalPeerCredServer.java [PATH] runs it with no build. Its partner:
// MinimalPeerCredClient.
//
// The JDK answers with user and group names only: no pid, no numeric ids, and a uid with
// no name in the user database becomes a string of digits. Step 1 asks getsockopt itself
// through FFM for all three numbers; step 3 decides from them (an allow list). Like
// lesson 01's smallest server, it leaves the file to a clean stop and serves one client
// at a time.
package uds.peercred.minimal;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;

import jdk.net.ExtendedSocketOptions;
import jdk.net.UnixDomainPrincipal;

public class MinimalPeerCredServer {

    public static void main(String[] args) throws IOException {
        Path path = Path.of(args.length > 0 ? args[0] : "peercred.sock");
        try (var server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(path));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    System.err.println("could not remove " + path + ": " + e);
                }
            }));
            System.out.println("listening on " + path);
            while (true) {
                try (SocketChannel client = server.accept()) {
                    // Recorded by the kernel at connect(2): not the client's to choose.
                    UnixDomainPrincipal peer =
                            client.getOption(ExtendedSocketOptions.SO_PEERCRED);
                    String who = "user " + peer.user().getName()
                            + ", group " + peer.group().getName();
                    System.out.println("connected: " + who);
                    new PrintStream(Channels.newOutputStream(client), true, UTF_8)
                            .println("you are " + who);
                } catch (IOException e) {
                    // One client's trouble, not the server's.
                    System.err.println("client failed: " + e);
                }
            }
        }
    }
}
