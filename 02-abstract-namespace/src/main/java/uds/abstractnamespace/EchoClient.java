package uds.abstractnamespace;

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
                // An abstract name has no file and no permissions: connect can only be refused
                // (ECONNREFUSED), never "no such file" or "permission denied". Said in our own
                // words: the exception's text is strerror's, in the user's language.
                throw new IOException("nobody listens on " + name + " (Connection refused)", e);
            }
            if (expected != null) {
                expected.check(connection.getPeerCredentials().getUid(), name); // before a single byte is sent
            }
            converse(connection, messages, stdin, out);
        }
    }
    // end::connect[]

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
