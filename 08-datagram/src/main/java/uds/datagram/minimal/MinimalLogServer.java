package uds.datagram.minimal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.newsclub.net.unix.AFUNIXDatagramChannel;
import org.newsclub.net.unix.AFUNIXSocketAddress;

/**
 * The smallest datagram log service: binds a SOCK_DGRAM socket at a path and prints every
 * datagram it receives as one numbered line. Its partner: MinimalLogClient.
 *
 * <p>junixsocket, because the JDK has no Unix datagram socket at all: JEP 380 gave
 * SocketChannel and ServerSocketChannel a Unix family, not DatagramChannel.
 */
public final class MinimalLogServer {

    public static void main(String[] args) throws IOException {
        Path path = Path.of(args.length > 0 ? args[0] : "log.sock");
        try (AFUNIXDatagramChannel socket = AFUNIXDatagramChannel.open()) {
            socket.bind(AFUNIXSocketAddress.of(path));
            System.out.println("receiving on " + path);
            ByteBuffer buffer = ByteBuffer.allocate(4096);
            for (int n = 1; ; n++) {
                buffer.clear();
                // One receive, one whole datagram: never a part, never two together.
                socket.receive(buffer);
                buffer.flip();
                String text = StandardCharsets.UTF_8.decode(buffer).toString();
                // Any local user may write here: no raw control characters out.
                System.out.println(n + ": " + text.replaceAll("\\p{Cntrl}", "?"));
            }
        }
    }

    private MinimalLogServer() {
    }
}
