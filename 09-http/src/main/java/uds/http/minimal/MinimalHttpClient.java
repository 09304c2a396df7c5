package uds.http.minimal;

import java.io.ByteArrayOutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The smallest HTTP client on a Unix socket: no library, the JDK's SocketChannel and
 * HTTP/1.1 written by hand. The JDK's HttpClient cannot do this (it speaks TCP only).
 * Its partner: MinimalHttpServer, or any HTTP server on a Unix socket.
 */
public final class MinimalHttpClient {

    public static void main(String[] args) throws Exception {
        Path path = Path.of(args.length > 0 ? args[0] : "http.sock");
        String target = args.length > 1 ? args[1] : "/";
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(path));
            // HTTP/1.1 needs a Host header; there is no host, so any name will do.
            // Connection: close makes the end of the answer the end of the stream.
            String request = "GET " + target + " HTTP/1.1\r\n"
                    + "Host: localhost\r\n"
                    + "Connection: close\r\n"
                    + "\r\n";
            channel.write(ByteBuffer.wrap(request.getBytes(StandardCharsets.US_ASCII)));
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            ByteBuffer buffer = ByteBuffer.allocate(8192);
            while (channel.read(buffer.clear()) >= 0 && answer.size() < 1 << 20) {
                answer.write(buffer.array(), 0, buffer.position());
            }
            System.out.print(answer.toString(StandardCharsets.UTF_8));
        }
    }

    private MinimalHttpClient() {
    }
}
