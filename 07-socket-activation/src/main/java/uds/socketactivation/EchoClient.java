package uds.socketactivation;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.newsclub.net.unix.AFSocketType;
import org.newsclub.net.unix.AFUNIXDatagramSocket;
import org.newsclub.net.unix.AFUNIXSocket;
import org.newsclub.net.unix.AFUNIXSocketAddress;

import uds.support.ConnectFailure;
import uds.support.EchoConnection;
import uds.support.LineReader;
import uds.support.Printable;

/**
 * The client of lesson 07 (its partner: {@link ActivatedServer}, {@link InetdServer} and
 * {@link SeqpacketServer}): prints the server's greeting, then sends each text and prints the
 * echo. It cannot tell whether the server was running before it connected, and need not:
 * the socket was there, owned by the service manager, and the connection waited in its backlog.
 */
final class EchoClient {

    static void run(Path socket, boolean seqpacket, List<String> texts, PrintStream out) throws IOException {
        if (seqpacket) {
            seqpacket(socket, texts, out);
            return;
        }
        try (AFUNIXSocket connection = connect(socket)) {
            LineReader replies = new LineReader(connection.getInputStream(), EchoConnection.MAX_LINE);
            out.println(line(replies.readLine()));
            OutputStream requests = connection.getOutputStream();
            for (String text : texts) {
                requests.write((text + "\n").getBytes(StandardCharsets.UTF_8));
                out.println(line(replies.readLine()));
            }
        }
    }

    private static AFUNIXSocket connect(Path socket) throws IOException {
        try {
            return AFUNIXSocket.connectTo(AFUNIXSocketAddress.of(socket));
        } catch (IOException e) {
            throw ConnectFailure.explain(socket, e);
        }
    }

    private static void seqpacket(Path socket, List<String> texts, PrintStream out) throws IOException {
        try (AFUNIXDatagramSocket connection = AFUNIXDatagramSocket.newInstance(AFSocketType.SOCK_SEQPACKET)) {
            try {
                connection.connect(AFUNIXSocketAddress.of(socket));
            } catch (IOException e) {
                throw ConnectFailure.explain(socket, e);
            }
            ByteBuffer buffer = ByteBuffer.allocate(SeqpacketServer.MAX_MESSAGE);
            out.println(receive(connection, buffer));
            for (String text : texts) {
                connection.getChannel().write(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
                out.println(receive(connection, buffer));
            }
        }
    }

    private static String receive(AFUNIXDatagramSocket connection, ByteBuffer buffer) throws IOException {
        if (connection.getChannel().read(buffer.clear()) < 0) {
            throw new IOException("the server closed the connection");
        }
        return Printable.line(new String(buffer.array(), 0, buffer.flip().limit(), StandardCharsets.UTF_8));
    }

    private static String line(byte[] line) throws IOException {
        if (line == null) {
            throw new IOException("the server closed the connection");
        }
        return Printable.line(new String(line, StandardCharsets.UTF_8));
    }

    private EchoClient() {
    }
}
