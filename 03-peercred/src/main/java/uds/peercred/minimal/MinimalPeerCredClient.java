// The smallest client of lesson 03: connect, and print what the server says the kernel
// told it about us. It sends nothing: who we are is not ours to claim. JDK only: java
// MinimalPeerCredClient.java [PATH] runs it with no build. Its partner:
// MinimalPeerCredServer.
//
// Run it as another user (sudo -u nobody java MinimalPeerCredClient.java PATH, with PATH
// in a directory that user may enter) and the answer changes with no change to the
// client.
package uds.peercred.minimal;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;

public class MinimalPeerCredClient {

    public static void main(String[] args) throws IOException {
        Path path = Path.of(args.length > 0 ? args[0] : "peercred.sock");
        try (SocketChannel server = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.connect(UnixDomainSocketAddress.of(path));
            var in = new BufferedReader(
                    new InputStreamReader(Channels.newInputStream(server), UTF_8));
            String reply = in.readLine();
            if (reply == null) {
                throw new IOException("the server closed the connection without a reply");
            }
            System.out.println(reply);
        }
    }
}
