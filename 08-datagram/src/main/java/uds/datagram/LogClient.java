package uds.datagram;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import uds.support.ConnectFailure;
import uds.support.ErrnoException;
import uds.support.Printable;
import uds.support.SocketPath;
import uds.support.UnixSocket;

/**
 * Lesson 08's client (its server: {@link LogServer}): sends each text as one datagram to the
 * socket at a path. A datagram carries its sender's address only if the sender has one, so
 * with {@code --reply} the client first binds one, an abstract name the kernel picks
 * (autobind, lesson 02), and waits for each answer; unbound, nobody could answer it.
 */
final class LogClient {

    /** How long to wait for each answer with --reply. */
    static final Duration ANSWER_WAIT = Duration.ofSeconds(5);
    /** How long a send may wait for room in the service's queue, which any user can fill. */
    static final Duration SEND_WAIT = Duration.ofSeconds(5);

    static void run(Path socket, boolean reply, List<String> texts, PrintStream out) throws IOException {
        SocketPath.check(socket);
        try (UnixSocket client = UnixSocket.datagram()) {
            // A full queue makes a datagram sender wait (Linux), for as long as the queue is full.
            client.sendTimeout(SEND_WAIT);
            if (reply) {
                client.autobind();
                client.receiveTimeout(ANSWER_WAIT);
            }
            for (String text : texts) {
                byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
                try {
                    client.send(socket, bytes, null);
                } catch (ErrnoException e) {
                    throw explain(socket, bytes.length, e);
                }
                if (reply) {
                    out.println(answer(client, socket, out));
                }
            }
            if (!reply) {
                out.println("sent " + texts.size() + (texts.size() == 1 ? " datagram" : " datagrams") + " to " + socket);
            }
        }
    }

    // tag::answer[]
    /**
     * The server's answer. Any local process may send to our autobound name (five hex digits
     * are soon guessed), so a datagram counts only if it comes from the server's own file.
     */
    private static String answer(UnixSocket client, Path socket, PrintStream out) throws IOException {
        while (true) {
            UnixSocket.Received datagram;
            try {
                datagram = client.receive(0);
            } catch (ErrnoException e) {
                if (e.errno() != ErrnoException.EAGAIN) {
                    throw e;
                }
                throw new IOException("no answer from " + socket + " within " + ANSWER_WAIT.toSeconds() + " s", e);
            }
            if (fromThe(socket, datagram.sender())) {
                return Printable.line(new String(datagram.text(), StandardCharsets.UTF_8));
            }
            out.println("ignored a datagram from " + Printable.quoted(SenderAddress.describe(datagram.sender()))
                    + ": not the server");
        }
    }

    /** Whether sender, as recvmsg gave it, names the file at socket: a path address, the same file. */
    private static boolean fromThe(Path socket, byte[] sender) {
        Path path = SenderAddress.path(sender);
        try {
            return path != null && Files.isSameFile(path, socket);
        } catch (IOException e) {
            return false;
        }
    }
    // end::answer[]

    /** The one-line error for a send that failed, decided by errno and a look at the path. */
    private static IOException explain(Path socket, int length, ErrnoException e) {
        return switch (e.errno()) {
            case ErrnoException.EMSGSIZE -> new IOException("a datagram of " + length + " bytes is more than the socket"
                    + " can send in one piece (EMSGSIZE): the limit is its send buffer, SO_SNDBUF", e);
            case ErrnoException.ECONNREFUSED -> new IOException("nothing receives on " + socket
                    + ": the socket file is stale (its server is gone)", e);
            case ErrnoException.EAGAIN -> new IOException("the queue of " + socket + " stayed full for "
                    + SEND_WAIT.toSeconds() + " s: it is sent more than it reads", e);
            case ErrnoException.EPROTOTYPE -> new IOException(socket + " is not a datagram socket: its server"
                    + " speaks SOCK_STREAM or SOCK_SEQPACKET", e);
            default -> ConnectFailure.explain(socket, e);
        };
    }

    private LogClient() {
    }
}
