// The smallest SOCK_SEQPACKET client (lesson 04): send each message as one datagram, and
// read each reply as one datagram. On a stream, two writes may arrive as one read; here
// they never do. Its partner: MinimalSeqpacketServer.
//
// It leaves out what step 2 adds to the client: a check that the server is the one it
// should be (whoever bound the path first answers).
package uds.seqpacket.minimal;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.newsclub.net.unix.AFSocketType;
import org.newsclub.net.unix.AFUNIXDatagramSocket;
import org.newsclub.net.unix.AFUNIXSocketAddress;

public class MinimalSeqpacketClient {

    public static void main(String[] args) throws IOException {
        Path path = Path.of(args.length > 0 ? args[0] : "seqpacket.sock");
        List<String> messages = args.length > 1
                ? Arrays.asList(args).subList(1, args.length)
                : List.of("SET colour blue", "GET colour");
        try (var server = AFUNIXDatagramSocket.newInstance(AFSocketType.SOCK_SEQPACKET)) {
            server.connect(AFUNIXSocketAddress.of(path));
            for (String message : messages) { // back to back: the boundaries still hold
                server.getChannel().write(ByteBuffer.wrap(message.getBytes(UTF_8)));
            }
            ByteBuffer reply = ByteBuffer.allocate(4096);
            for (int i = 0; i < messages.size(); i++) {
                if (server.getChannel().read(reply.clear()) < 0) {
                    throw new IOException("the server hung up after " + i + " replies");
                }
                System.out.println(new String(reply.array(), 0, reply.position(), UTF_8));
            }
        }
    }
}
