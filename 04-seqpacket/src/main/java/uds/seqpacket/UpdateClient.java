package uds.seqpacket;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.newsclub.net.unix.AFSocketType;
import org.newsclub.net.unix.AFUNIXDatagramSocket;
import org.newsclub.net.unix.AFUNIXSocketAddress;

import uds.support.ConnectFailure;
import uds.support.ExpectedServer;

/**
 * The client of lesson 04 (its partner: {@link UpdateServer}): one connection, then one
 * datagram per request and one per reply.
 */
final class UpdateClient implements AutoCloseable {

    /** Replies are short; anything longer than this is cut, which we would notice as a bad reply. */
    private static final int MAX_REPLY = 8192;

    private final AFUNIXDatagramSocket socket;

    private UpdateClient(AFUNIXDatagramSocket socket) {
        this.socket = socket;
    }

    /** Sends each request on one connection and prints each reply; fails if any was ERR. */
    static void run(Path path, ExpectedServer expected, List<String> requests, PrintStream out) throws IOException {
        int failed = 0;
        try (UpdateClient client = connect(path)) {
            if (expected != null) {
                // Before a request leaves: whoever bound the path first is the server, and a
                // request may carry a secret. The kernel knows who listens (SO_PEERCRED).
                expected.check(client.socket.getPeerCredentials().getUid(), path);
            }
            for (String request : requests) {
                String reply = client.request(request);
                out.println(reply);
                if (reply.equals("ERR not authorized")) {
                    throw new IOException("the server does not accept requests from this user");
                }
                if (reply.startsWith("ERR")) {
                    failed++;
                }
            }
        }
        if (failed > 0) {
            throw new IOException(failed + " of " + requests.size() + " requests failed");
        }
    }

    // tag::connect[]
    static UpdateClient connect(Path path) throws IOException {
        AFUNIXDatagramSocket socket = AFUNIXDatagramSocket.newInstance(AFSocketType.SOCK_SEQPACKET);
        try {
            socket.connect(AFUNIXSocketAddress.of(path));
        } catch (IOException e) {
            socket.close();
            throw ConnectFailure.explain(path, e);
        }
        return new UpdateClient(socket);
    }

    /** Sends request as one datagram and returns the reply datagram. */
    String request(String request) throws IOException {
        return request(request.getBytes(StandardCharsets.UTF_8));
    }

    String request(byte[] request) throws IOException {
        socket.getChannel().write(ByteBuffer.wrap(request));
        ByteBuffer reply = ByteBuffer.allocate(MAX_REPLY);
        if (socket.getChannel().read(reply) < 0) {
            throw new IOException("the server closed the connection");
        }
        return new String(reply.array(), 0, reply.position(), StandardCharsets.UTF_8);
    }
    // end::connect[]

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
