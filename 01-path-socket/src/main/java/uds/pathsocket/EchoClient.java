package uds.pathsocket;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.Writer;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.newsclub.net.unix.AFUNIXSocket;
import org.newsclub.net.unix.AFUNIXSocketAddress;

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
                throw explain(socket, e);
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

    // tag::explain[]
    /** Turns the kernel's errno, as both libraries report it, into what to do about it. */
    static IOException explain(Path socket, IOException e) {
        String reason = String.valueOf(e.getMessage());
        if (reason.contains("No such file or directory")) {
            return new IOException("no socket at " + socket + ": is the server running?", e);
        }
        if (reason.contains("Connection refused")) {
            return new IOException("nothing listens on " + socket
                    + ": the socket file is stale (its server is gone)", e);
        }
        if (reason.contains("Permission denied")) {
            return new IOException("permission denied connecting to " + socket + ": connect needs write"
                    + " permission on the socket file and search (x) permission on every directory above it", e);
        }
        return new IOException("cannot connect to " + socket + ": " + reason, e);
    }
    // end::explain[]

    private EchoClient() {
    }
}
