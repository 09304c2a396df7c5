// The smallest client of lesson 07: an ordinary client. It connects to the socket file
// the service manager made, whether or not the server runs yet: the connection waits in
// the backlog while the manager starts it. It prints the greeting and the echo of one
// line. JDK only: java MinimalActivatedClient.java [PATH] [MESSAGE]. Its partner:
// MinimalActivatedServer.
package uds.socketactivation.minimal;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;

public class MinimalActivatedClient {

    public static void main(String[] args) throws IOException {
        Path path = Path.of(args.length > 0 ? args[0] : "echo.sock");
        String message = args.length > 1 ? args[1] : "hello";
        try (SocketChannel server = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.connect(UnixDomainSocketAddress.of(path));
            server.write(ByteBuffer.wrap((message + "\n").getBytes(UTF_8)));
            BufferedReader in = new BufferedReader(
                    new InputStreamReader(Channels.newInputStream(server), UTF_8));
            for (int i = 0; i < 2; i++) { // the greeting, then the echo
                String line = in.readLine();
                if (line == null) {
                    throw new IOException("the server closed the connection early");
                }
                System.out.println(line);
            }
        }
    }
}
