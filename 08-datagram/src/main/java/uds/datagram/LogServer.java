package uds.datagram;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import uds.support.ErrnoException;
import uds.support.Printable;
import uds.support.SocketPath;
import uds.support.StaleSocketGuard;
import uds.support.ThrottledLog;
import uds.support.UnixSocket;

/**
 * Lesson 08's log service (its clients: {@link LogClient}, util-linux {@code logger -u},
 * {@code systemd-notify}, Python). A SOCK_DGRAM socket at a path, to which any local process
 * may send a line, one datagram each. The service logs each line with its sender as the
 * kernel names it (SO_PASSCRED, lesson 05), never as the text claims, and answers
 * {@code OK n} to a sender bound to an address.
 */
final class LogServer implements AutoCloseable {

    /** Lines logged in full per sender in each window of {@link ThrottledLog#WINDOW}; the rest are counted. */
    static final int SHOWN_PER_WINDOW = 20;

    private final Path socket;
    private final StaleSocketGuard guard;
    private final UnixSocket server;
    private final LogFile log;
    private final ThrottledLog lines;
    private final AtomicBoolean closing = new AtomicBoolean();

    private LogServer(Path socket, StaleSocketGuard guard, UnixSocket server, LogFile log) {
        this.socket = socket;
        this.guard = guard;
        this.server = server;
        this.log = log;
        // Any user may send as fast as the kernel lets them: a line per datagram would let one
        // sender fill the disk and hide everyone else's lines.
        this.lines = new ThrottledLog(log::write, "lines", SHOWN_PER_WINDOW);
    }

    /** Receives until SIGINT or SIGTERM, then removes the socket file. */
    static void run(Path socket, Path logFile, PrintStream out) throws IOException {
        LogServer server = start(socket, logFile, out);
        Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        out.println("receiving on " + socket + " (mode 0666: any local user may send a line;"
                + " SO_PASSCRED names the sender)" + (logFile == null ? "" : ", logging to " + logFile));
        server.serve();
    }

    // tag::bind[]
    /** Binds socket as lesson 01 teaches (the lock, a stale file cleared safely) and opens it to every user. */
    static LogServer start(Path given, Path logFile, PrintStream out) throws IOException {
        // Bound by its absolute path, the socket names itself in full in every answer: a
        // client checks that an answer comes from the file it sent to, whatever its directory.
        Path socket = SocketPath.check(given.toAbsolutePath());
        LogFile log = LogFile.open(logFile, out); // first: a log it may not write leaves no socket behind
        StaleSocketGuard guard;
        try {
            guard = StaleSocketGuard.acquire(socket, out::println);
        } catch (IOException | RuntimeException e) {
            log.close();
            throw e;
        }
        UnixSocket server = null;
        boolean bound = false;
        try {
            server = UnixSocket.datagram();
            // Before bind: a datagram queued while the option is off never gets credentials.
            server.passCredentials(true);
            server.bind(socket);
            bound = true;
            // A log is for everyone, like /dev/log: the sender's credentials tell them apart.
            Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rw-rw-rw-"));
            return new LogServer(socket, guard, server, log);
        } catch (IOException | RuntimeException e) {
            if (server != null) {
                server.close();
            }
            if (bound) {
                Files.deleteIfExists(socket);
            }
            guard.close();
            log.close();
            throw e;
        }
    }
    // end::bind[]

    // tag::serve[]
    /** One datagram at a time: nothing a sender does holds a thread, a connection or a slot. */
    void serve() throws IOException {
        for (long n = 1; ; n++) {
            UnixSocket.Received message;
            try {
                message = server.receive(UnixSocket.CONTROL_SPACE);
            } catch (ErrnoException e) {
                if (closing.get()) {
                    return; // the shutdown hook closed the socket under us
                }
                throw e;
            }
            List<String> text = new ArrayList<>(message.describe());
            text.add(answer(message, n));
            lines.log(message.countedAs(), () -> String.join("\n", text));
        }
    }
    // end::serve[]

    // tag::answer[]
    /** Sends {@code OK n} to the sender's address, never waiting for it; says what became of it. */
    private String answer(UnixSocket.Received message, long n) throws IOException {
        if (message.sender().length == 0) {
            return "note: no answer: the sender is bound to no address, so there is none to send to";
        }
        try {
            String to = Printable.quoted(SenderAddress.describe(message.sender()));
            return server.reply(message.sender(), ("OK " + n).getBytes(StandardCharsets.UTF_8))
                    ? "answered OK " + n + " to " + to
                    : "note: no answer to " + to + ": its queue is full (it does not read)";
        } catch (ErrnoException e) {
            // ECONNREFUSED: the sender's socket is closed; ENOENT: its file is gone.
            return "note: no answer: " + ErrnoException.describe(e.errno());
        }
    }
    // end::answer[]

    @Override
    public void close() {
        if (closing.getAndSet(true)) {
            return;
        }
        server.close();
        lines.flush();
        log.close();
        try {
            Files.deleteIfExists(socket);
            guard.close();
        } catch (IOException e) {
            System.err.println("error: while removing " + socket + ": " + e.getMessage());
        }
    }
}
