package uds.support;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * One connection of the line echo protocol that lessons 01 and 02 serve: every line that
 * comes in goes back out. The protocol is not what those lessons teach, so it lives here once,
 * with the limits any server facing other users needs: a longest line, and a deadline for each
 * line (the idle timeout, counted from the last complete line, so that a byte now and then does
 * not keep a connection open), each answered with an {@code error:} line before the
 * connection is closed.
 */
public final class EchoConnection {

    /** The longest line echoed, in bytes, without its newline. */
    public static final int MAX_LINE = 64 * 1024;

    /** The line a connection over the server's cap gets before it is closed. */
    public static void refuseBusy(Socket connection) throws IOException {
        connection.getOutputStream().write("error: server busy, try again later\n".getBytes(StandardCharsets.US_ASCII));
    }

    // tag::echo[]
    /**
     * Echoes lines until the peer hangs up, sends a line over {@link #MAX_LINE}, or sends no
     * complete line for idle. Each line is handed to seen first, quoted and safe to print.
     */
    public static void serve(Socket connection, int id, Duration idle, Consumer<String> log,
                             Consumer<String> seen) throws IOException {
        log.accept("connection " + id + " opened");
        // Each line is due within idle of the last: a peer that goes quiet, or trickles a byte
        // now and then, gives its slot back. junixsocket's setSoTimeout sets SO_SNDTIMEO too,
        // so a reply to a peer that never reads fails in time as well.
        int idleMillis = Math.toIntExact(idle.toMillis());
        LineReader in = new LineReader(connection.getInputStream(), MAX_LINE, idle, connection::setSoTimeout);
        OutputStream reply = connection.getOutputStream();
        try {
            for (byte[] line; (line = in.readLine()) != null; ) {
                seen.accept(Printable.quoted(new String(line, StandardCharsets.UTF_8)));
                connection.setSoTimeout(idleMillis); // the reply's deadline: a peer must read it in time
                if (!echo(reply, line)) {
                    log.accept("connection " + id + " closed: the peer took no reply for " + idle.toSeconds() + " s");
                    return;
                }
            }
            log.accept("connection " + id + " closed");
        } catch (LineReader.LineTooLong | LineReader.TooSlow e) {
            refuse(reply, "error: " + e.getMessage() + "; closing");
            log.accept("connection " + id + " closed: " + e.getMessage());
        } catch (SocketTimeoutException e) {
            refuse(reply, "error: idle for " + idle.toSeconds() + " s; closing");
            log.accept("connection " + id + " closed: idle for " + idle.toSeconds() + " s");
        }
    }
    // end::echo[]

    /** False if the write timed out: the peer sends, but does not read what comes back. */
    private static boolean echo(OutputStream reply, byte[] line) throws IOException {
        try {
            reply.write(line);
            reply.write('\n');
            reply.flush();
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        }
    }

    private static void refuse(OutputStream reply, String why) {
        try {
            reply.write((why + "\n").getBytes(StandardCharsets.US_ASCII));
            reply.flush();
        } catch (IOException e) {
            // the peer may not be reading; we are closing either way
        }
    }

    private EchoConnection() {
    }
}
