package uds.abstractnamespace;

import static uds.support.SocketConstants.SOCK_STREAM;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.newsclub.net.unix.AFUNIXSocket;

import uds.support.ExpectedServer;

/**
 * The client of lesson 02 (its partner: {@link EchoServer}). Sends each message as a line and
 * prints the reply; with an {@link ExpectedServer}, first checks who the server is.
 */
final class EchoClient {

    // tag::connect[]
    static void run(AbstractName name, ExpectedServer expected, List<String> messages,
                    InputStream stdin, PrintStream out) throws IOException {
        try (AFUNIXSocket connection = AFUNIXSocket.newInstance()) {
            try {
                connection.connect(name.address());
            } catch (IOException e) {
                throw whyNot(name, e);
            }
            if (expected != null) {
                expected.check(connection.getPeerCredentials().getUid(), name); // before a single byte is sent
            }
            converse(connection, messages, stdin, out);
        }
    }
    // end::connect[]

    /**
     * Why connect failed. An abstract name has no file and no permissions, so it is seldom
     * "no such file" or "permission denied"; but it is not always "refused" either: the name may
     * be held by a socket of another type (EPROTOTYPE), or a security module may say no. Decided
     * from the kernel's table, never from the exception's text, which is strerror's, in the
     * user's language.
     */
    private static IOException whyNot(AbstractName name, IOException e) throws IOException {
        List<Integer> types = ProcNetUnix.typesFor(name);
        if (types.isEmpty()) {
            return new IOException("nobody listens on " + name + " (Connection refused)", e);
        }
        if (!types.contains(SOCK_STREAM)) {
            return new IOException(name + " is held by a socket of another type (type " + types.getFirst()
                    + "), not a stream server: someone else has the name", e);
        }
        return new IOException("cannot connect to " + name + ": " + e.getClass().getSimpleName() + ": "
                + e.getMessage(), e);
    }

    private static void converse(AFUNIXSocket connection, List<String> messages, InputStream stdin,
                                 PrintStream out) throws IOException {
        BufferedReader replies = new BufferedReader(
                new InputStreamReader(connection.getInputStream(), StandardCharsets.UTF_8));
        Writer requests = new OutputStreamWriter(connection.getOutputStream(), StandardCharsets.UTF_8);
        Iterable<String> lines = messages.isEmpty()
                ? new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8)).lines()::iterator
                : messages;
        for (String line : lines) {
            requests.write(line + "\n");
            requests.flush();
            String reply = replies.readLine();
            if (reply == null) {
                throw new IOException("the server closed the connection");
            }
            out.println(reply);
        }
    }

    private EchoClient() {
    }
}
