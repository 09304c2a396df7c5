package uds.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The HTTP bench's client: one kept-alive HTTP/1.1 connection, by hand over the JDK's
 * SocketChannel, sending GET /v1/version and reading the whole answer before the next. The
 * same code for both listeners; only the address differs.
 */
final class KeepAliveGet implements AutoCloseable {

    private static final byte[] REQUEST = "GET /v1/version HTTP/1.1\r\nHost: localhost\r\n\r\n"
            .getBytes(StandardCharsets.US_ASCII);

    private final SocketChannel channel;
    private final ByteBuffer request = ByteBuffer.allocateDirect(REQUEST.length).put(REQUEST).flip();
    private final ByteBuffer answer = ByteBuffer.allocate(4096);

    KeepAliveGet(SocketAddress server) throws IOException {
        channel = SocketChannel.open(server);
        if (server instanceof InetSocketAddress) {
            // As Jetty does on its side: a small answer is not held back waiting for more.
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
        }
    }

    /** One request and its answer; fails on anything but a 200 with the expected length. */
    void get() throws IOException {
        request.rewind();
        while (request.hasRemaining()) {
            channel.write(request);
        }
        answer.clear();
        int headersEnd;
        while ((headersEnd = headersEnd()) < 0) {
            read();
        }
        String headers = new String(answer.array(), 0, headersEnd, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
        if (!headers.startsWith("http/1.1 200 ")) {
            throw new IOException("the server answered " + headers.lines().findFirst().orElse(""));
        }
        int at = headers.indexOf("\r\ncontent-length:");
        if (at < 0) {
            throw new IOException("the answer has no Content-Length");
        }
        int length = Integer.parseInt(headers.substring(at + 17, headers.indexOf('\r', at + 2)).strip());
        while (answer.position() < headersEnd + length) {
            read();
        }
    }

    private void read() throws IOException {
        if (!answer.hasRemaining() || channel.read(answer) < 0) {
            throw new IOException("the answer was cut off or too long");
        }
    }

    /** Where the body starts (after the blank line), or -1 while the headers are incomplete. */
    private int headersEnd() {
        byte[] bytes = answer.array();
        for (int i = 3; i < answer.position(); i++) {
            if (bytes[i] == '\n' && bytes[i - 1] == '\r' && bytes[i - 2] == '\n' && bytes[i - 3] == '\r') {
                return i + 1;
            }
        }
        return -1;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
