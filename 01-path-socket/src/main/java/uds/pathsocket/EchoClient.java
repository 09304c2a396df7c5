package uds.pathsocket;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.newsclub.net.unix.AFUNIXSocket;
import org.newsclub.net.unix.AFUNIXSocketAddress;

import uds.support.ConnectFailure;
import uds.support.SocketPath;

/**
 * The client of lesson 01, written with junixsocket (its partner: {@link EchoServer};
 * {@link JdkEchoClient} does the same with the JDK alone). Sends each message as a line and
 * prints the reply.
 */
final class EchoClient {

    // tag::connect[]
    static void run(Path socket, List<String> messages, InputStream stdin, PrintStream out) throws IOException {
        SocketPath.check(socket);
        try (AFUNIXSocket connection = AFUNIXSocket.newInstance()) {
            try {
                connection.connect(AFUNIXSocketAddress.of(socket));
            } catch (IOException e) {
                throw ConnectFailure.explain(socket, e);
            }
            converse(connection.getInputStream(), connection.getOutputStream(), messages, stdin, out);
        }
    }
    // end::connect[]

    /** Sends each message (or each line of stdin when there are none) and prints each reply. */
    static void converse(InputStream fromServer, OutputStream toServer, List<String> messages,
                         InputStream stdin, PrintStream out) throws IOException {
        BufferedReader replies = new BufferedReader(new InputStreamReader(fromServer, StandardCharsets.UTF_8));
        Writer requests = new OutputStreamWriter(toServer, StandardCharsets.UTF_8);
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
