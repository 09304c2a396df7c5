package uds.support;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Makes a socket path safe to bind, and keeps it ours while the server runs.
 *
 * <p>Nothing removes a socket file when its server dies, and bind() fails while the file
 * exists, so a server must clear a stale file first. "Stale" has to be decided carefully:
 * the file may be a live server's, or not a socket at all. Like PostgreSQL's postmaster.pid,
 * a lock file beside the socket, locked for the server's whole life, makes the decision
 * race-free between servers that use it; a connect probe is the fallback for any other.
 */
public final class StaleSocketGuard implements AutoCloseable {

    /** A server is already behind the path, or it holds the lock. */
    public static final class AlreadyServing extends IOException {
        AlreadyServing(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final LockFile lock;

    private StaleSocketGuard(LockFile lock) {
        this.lock = lock;
    }

    public static Path lockPathOf(Path socket) {
        return socket.resolveSibling(socket.getFileName() + ".lock");
    }

    /**
     * Takes the lock for socket, then clears a stale socket file. Refuses, touching nothing,
     * when another server holds the lock or listens on the path, or when the path is not a socket.
     */
    public static StaleSocketGuard acquire(Path socket, Consumer<String> log) throws IOException {
        StaleSocketGuard guard = lock(socket);
        try {
            clearStale(socket, log);
            return guard;
        } catch (IOException | RuntimeException e) {
            guard.close();
            throw e;
        }
    }

    // tag::lock[]
    private static StaleSocketGuard lock(Path socket) throws IOException {
        try {
            return new StaleSocketGuard(LockFile.acquire(lockPathOf(socket)));
        } catch (LockFile.Held e) {
            throw new AlreadyServing(e.getMessage(), e);
        }
    }
    // end::lock[]

    // tag::stale[]
    private static void clearStale(Path socket, Consumer<String> log) throws IOException {
        FileStatus status;
        try {
            // lstat: a symlink is not our socket, whatever it points to.
            status = FileStatus.of(socket);
        } catch (NoSuchFileException e) {
            return; // nothing in the way
        }
        if (!status.isSocket()) {
            throw new IOException(socket + " exists and is not a socket: refusing to touch it;"
                    + " remove it yourself or choose another --socket");
        }
        if (somebodyListens(socket)) {
            throw new AlreadyServing("already serving: a server is listening on " + socket, null);
        }
        Files.delete(socket);
        log.accept("removed stale socket " + socket);
    }

    /**
     * Connects once: accepted means a live server; refused (ECONNREFUSED) means a socket file
     * nobody listens on. Any other failure leaves the question open, and an open question is
     * not a reason to delete: a SOCK_SEQPACKET or SOCK_DGRAM server answers this stream probe
     * with EPROTOTYPE, which the JDK does not tell apart from other errors but by its text.
     */
    private static boolean somebodyListens(Path socket) throws IOException {
        try (SocketChannel probe = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
            return true;
        } catch (ConnectException refused) {
            return false;
        } catch (IOException unknown) {
            throw new AlreadyServing("refusing to remove " + socket + ": a test connect failed ("
                    + Printable.line(String.valueOf(unknown.getMessage())) + "), so a server of another socket type"
                    + " may be listening; remove it yourself if none is", unknown);
        }
    }
    // end::stale[]

    /** Deletes the lock file, then releases the lock. */
    @Override
    public void close() throws IOException {
        lock.close();
    }
}
