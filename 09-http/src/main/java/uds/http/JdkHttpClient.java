package uds.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import uds.support.ConnectFailure;
import uds.support.Printable;

/**
 * HTTP/1.1 by hand over the JDK's SocketChannel: what the protocol needs and no more. One
 * request per connection (Connection: close); the answer's body comes as Content-Length
 * says, or chunked (how a streamed answer such as /v1/events comes), or until end of stream.
 */
final class JdkHttpClient {

    /** The most of a head (status line and headers) read, and of one chunk-size line. */
    static final int MAX_HEAD = 16384;

    record Head(int status, String reason, Map<String, String> headers) {
    }

    // tag::request[]
    /** Sends one request; gives the head, then the body in parts as they arrive, to body. */
    static ClientCommand.Status exchange(Path socket, String method, String target, byte[] content,
            Consumer<byte[]> body) throws IOException {
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            try {
                channel.connect(UnixDomainSocketAddress.of(socket));
            } catch (IOException e) {
                throw ConnectFailure.explain(socket, e); // decided by a look at the file, not e's text
            }
            // Host is required by HTTP/1.1 and means nothing here: curl sends "localhost" too.
            StringBuilder request = new StringBuilder(method + " " + target + " HTTP/1.1\r\n"
                    + "Host: localhost\r\n"
                    + "Connection: close\r\n");
            if (content != null) {
                request.append("Content-Length: ").append(content.length).append("\r\n");
            }
            request.append("\r\n");
            IOException sendFailed = null;
            try {
                channel.write(ByteBuffer.wrap(request.toString().getBytes(StandardCharsets.US_ASCII)));
                if (content != null) {
                    channel.write(ByteBuffer.wrap(content));
                }
            } catch (IOException e) {
                // A server may answer before it has read the body (403, 413) and close: its
                // answer is still ours to read, and says more than EPIPE.
                sendFailed = e;
            }
            InputStream in = Channels.newInputStream(channel);
            Head head;
            try {
                head = head(in);
            } catch (IOException e) {
                throw sendFailed != null ? sendFailed : e;
            }
            readBody(in, head, body);
            return new ClientCommand.Status(head.status(), head.reason());
        }
    }
    // end::request[]

    private static Head head(InputStream in) throws IOException {
        String statusLine = line(in);
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
            throw new IOException("not an HTTP answer: " + Printable.quoted(statusLine));
        }
        Map<String, String> headers = new HashMap<>();
        int size = statusLine.length();
        for (String line; !(line = line(in)).isEmpty(); ) {
            size += line.length();
            if (size > MAX_HEAD) {
                throw new IOException("the answer's headers are longer than " + MAX_HEAD + " bytes");
            }
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
            }
        }
        return new Head(Integer.parseInt(parts[1]), parts.length > 2 ? parts[2] : "", headers);
    }

    // tag::body[]
    private static void readBody(InputStream in, Head head, Consumer<byte[]> body) throws IOException {
        if ("chunked".equalsIgnoreCase(head.headers().get("transfer-encoding"))) {
            // Each chunk: its size in hex on a line, the bytes, CRLF; a chunk of size 0 ends it.
            for (long size; (size = Long.parseLong(line(in).split(";")[0].trim(), 16)) > 0; ) {
                body.accept(in.readNBytes((int) Math.min(size, Integer.MAX_VALUE)));
                line(in);
            }
        } else if (head.headers().containsKey("content-length")) {
            body.accept(in.readNBytes(Integer.parseInt(head.headers().get("content-length"))));
        } else {
            // No length, not chunked: the body ends with the stream (we sent Connection: close,
            // so a streamed answer such as /v1/events comes this way); pass on what arrives.
            byte[] buffer = new byte[8192];
            for (int n; (n = in.read(buffer)) > 0; ) {
                body.accept(Arrays.copyOf(buffer, n));
            }
        }
    }
    // end::body[]

    /** One line ending in CRLF (or LF), without it; bounded. */
    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b; (b = in.read()) != '\n'; ) {
            if (b < 0) {
                throw new IOException("the server closed the connection in the middle of the answer");
            }
            if (line.size() == MAX_HEAD) {
                throw new IOException("a line of the answer is longer than " + MAX_HEAD + " bytes");
            }
            line.write(b);
        }
        String text = line.toString(StandardCharsets.ISO_8859_1);
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
    }

    private JdkHttpClient() {
    }
}
