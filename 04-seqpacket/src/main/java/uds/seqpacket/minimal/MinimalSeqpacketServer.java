// The smallest SOCK_SEQPACKET server (lesson 04): a connection that carries messages,
// not a stream of bytes. Each datagram the client sends is read whole, by itself, and
// answered with one datagram. Needs junixsocket: the JDK has no SOCK_SEQPACKET. Its
// partner: MinimalSeqpacketClient.
//
// It leaves out what the lesson's steps add: who may send (step 2: SO_PEERCRED and an
// allow list); a datagram longer than the buffer is cut without a word, and an empty one
// reads as the end of the connection (step 3: recvmsg says both); one client at a time.
package uds.seqpacket.minimal;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;

import org.newsclub.net.unix.AFSocketType;
import org.newsclub.net.unix.AFUNIXDatagramSocket;
import org.newsclub.net.unix.AFUNIXSocketAddress;

public class MinimalSeqpacketServer {

    public static void main(String[] args) throws IOException {
        Path path = Path.of(args.length > 0 ? args[0] : "seqpacket.sock");
        try (var server = AFUNIXDatagramSocket.newInstance(AFSocketType.SOCK_SEQPACKET)) {
            server.bind(AFUNIXSocketAddress.of(path));
            server.listen(16); // a datagram socket that listens and accepts
            // junixsocket leaves this kind of socket's file behind: remove it ourselves.
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    System.err.println("could not remove " + path + ": " + e);
                }
            }));
            System.out.println("listening on " + path);
            while (true) {
                try (var client = (AFUNIXDatagramSocket) server.accept()) {
                    answerEach(client);
                } catch (IOException e) {
                    // One client's trouble, not the server's.
                    System.err.println("client failed: " + e);
                }
            }
        }
    }

    private static void answerEach(AFUNIXDatagramSocket client) throws IOException {
        ByteBuffer datagram = ByteBuffer.allocate(4096);
        // One read, one whole datagram; -1 once the client has hung up.
        while (client.getChannel().read(datagram.clear()) >= 0) {
            int length = datagram.position();
            String text = new String(datagram.array(), 0, length, UTF_8);
            // Control characters shown as ?: a peer's bytes must not drive our terminal.
            System.out.println("received a datagram of " + length + " bytes: "
                    + text.replaceAll("\\p{Cc}", "?"));
            String reply = "got " + length + " bytes: " + text;
            client.getChannel().write(ByteBuffer.wrap(reply.getBytes(UTF_8)));
        }
    }
}
