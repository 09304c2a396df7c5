// The smallest path-socket client (lesson 01): connect to a file name, send one line,
// print the reply. JDK only: java MinimalEchoClient.java [PATH] [MESSAGE] runs it with
// no build. Its partner: MinimalEchoServer.
//
// It leaves out what the lesson's steps add: why a connect failed (no file, a stale
// file, no permission: step 2's ConnectFailure tells them apart from the path, not from
// the message).
package uds.pathsocket.minimal;

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

public class MinimalEchoClient {

    public static void main(String[] args) throws IOException {
        Path path = Path.of(args.length > 0 ? args[0] : "echo.sock");
        String message = args.length > 1 ? args[1] : "hello";
        try (SocketChannel server = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            // Needs write permission on the file, and search on every directory above it.
            server.connect(UnixDomainSocketAddress.of(path));
            server.write(ByteBuffer.wrap((message + "\n").getBytes(UTF_8)));
            BufferedReader in = new BufferedReader(
                    new InputStreamReader(Channels.newInputStream(server), UTF_8));
            String reply = in.readLine();
            if (reply == null) {
                throw new IOException("the server closed the connection without a reply");
            }
            System.out.println(reply);
        }
    }
}
