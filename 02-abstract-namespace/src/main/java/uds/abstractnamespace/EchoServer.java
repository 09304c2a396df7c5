package uds.abstractnamespace;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.newsclub.net.unix.AFUNIXServerSocket;

/**
 * The server of lesson 02 (its partner: {@link EchoClient}): a stream socket bound to an
 * abstract name, echoing every line. Run by {@code squat}, the same server plays the
 * impostor: it echoes too, so its clients notice nothing, and it shows what it captured.
 */
final class EchoServer implements AutoCloseable {

    private final AbstractName name;
    private final AFUNIXServerSocket server;
    private final PrintStream out;
    private final boolean showCaptured;
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicBoolean closing = new AtomicBoolean();

    private EchoServer(AbstractName name, AFUNIXServerSocket server, PrintStream out, boolean showCaptured) {
        this.name = name;
        this.server = server;
        this.out = out;
        this.showCaptured = showCaptured;
    }

    // tag::bind[]
    /**
     * Binds name. There is no file to check, remove or chmod first: the name exists exactly
     * as long as a socket is bound to it, and a name in use makes bind fail, whoever holds it.
     */
    static EchoServer bind(AbstractName name, PrintStream out, boolean showCaptured) throws IOException {
        AFUNIXServerSocket server = AFUNIXServerSocket.newInstance();
        try {
            server.bind(name.address());
        } catch (SocketException e) {
            server.close();
            // junixsocket throws a plain SocketException for every errno, its text in the
            // user's language: ask the kernel's table whether someone holds the name.
            if (!ProcNetUnix.linesFor(name).isEmpty()) {
                throw new IOException("name already in use: another process holds " + name
                        + " (ss -xlp | grep '" + name + "' shows which)", e);
            }
            throw e;
        }
        return new EchoServer(name, server, out, showCaptured);
    }
    // end::bind[]

    /** Serves until SIGINT or SIGTERM. */
    static void run(AbstractName name, PrintStream out, boolean squatting) throws IOException {
        EchoServer server = bind(name, out, squatting);
        Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        out.println(squatting
                ? "squatting " + name + ": whoever connects is talking to me"
                : "listening on " + name);
        server.serve();
    }

    /** Accepts connections until {@link #close()}, with one thread per connection. */
    void serve() throws IOException {
        while (true) {
            Socket connection;
            try {
                connection = server.accept();
            } catch (SocketException e) {
                if (closing.get()) {
                    return;
                }
                throw e;
            }
            int id = connections.incrementAndGet();
            Thread.ofPlatform().daemon().name("connection-" + id).start(() -> echo(connection, id));
        }
    }

    private void echo(Socket connection, int id) {
        out.println("connection " + id + " opened");
        try (connection;
             BufferedReader in = new BufferedReader(
                     new InputStreamReader(connection.getInputStream(), StandardCharsets.UTF_8));
             Writer reply = new OutputStreamWriter(connection.getOutputStream(), StandardCharsets.UTF_8)) {
            for (String line; (line = in.readLine()) != null; ) {
                if (showCaptured) {
                    out.println("captured: " + line);
                }
                reply.write(line + "\n");
                reply.flush();
            }
        } catch (IOException e) {
            out.println("connection " + id + " failed: " + e.getMessage());
        }
        out.println("connection " + id + " closed");
    }

    /** Closing frees the name at once; there is no file to remove. */
    @Override
    public void close() {
        if (closing.getAndSet(true)) {
            return;
        }
        try {
            server.close();
        } catch (IOException e) {
            out.println("error: while closing: " + e.getMessage());
        }
        out.println("released " + name);
    }
}
