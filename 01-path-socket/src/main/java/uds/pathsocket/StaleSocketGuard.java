package uds.pathsocket;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
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
final class StaleSocketGuard implements AutoCloseable {

    /** A server is already behind the path, or it holds the lock. */
    static final class AlreadyServing extends IOException {
        AlreadyServing(String message) {
            super(message);
        }
    }

    private static final int S_IFMT = 0170000;
    private static final int S_IFSOCK = 0140000;

    private final Path lockPath;
    private final FileChannel lockChannel;
    private final FileChannel pathView;

    private StaleSocketGuard(Path lockPath, FileChannel lockChannel, FileChannel pathView) {
        this.lockPath = lockPath;
        this.lockChannel = lockChannel;
        this.pathView = pathView;
    }

    static Path lockPathOf(Path socket) {
        return socket.resolveSibling(socket.getFileName() + ".lock");
    }

    /**
     * Takes the lock for socket, then clears a stale socket file. Refuses, touching nothing,
     * when another server holds the lock or listens on the path, or when the path is not a socket.
     */
    static StaleSocketGuard acquire(Path socket, Consumer<String> log) throws IOException {
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
        Path lockPath = lockPathOf(socket);
        FileChannel channel = FileChannel.open(lockPath,
                StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null; // held by this very JVM
        }
        if (lock == null) {
            channel.close();
            throw new AlreadyServing("already serving: another server (pid " + ownerOf(lockPath)
                    + ") holds " + lockPath);
        }
        // Write our pid, then read the file at the path back: if a server that was shutting
        // down unlinked the file we opened, the path now names another file, and our lock
        // guards nothing.
        String pid = Long.toString(ProcessHandle.current().pid());
        channel.truncate(0).write(ByteBuffer.wrap((pid + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
        channel.force(true);
        // Read through a second descriptor and keep it open until close(): closing any
        // descriptor of a file drops every POSIX lock this process holds on it (fcntl(2)),
        // so Files.readString here would silently unlock us.
        FileChannel pathView = FileChannel.open(lockPath, StandardOpenOption.READ);
        if (!pid.equals(read(pathView))) {
            pathView.close();
            channel.close();
            throw new AlreadyServing("already serving: " + lockPath + " changed hands while we locked it");
        }
        return new StaleSocketGuard(lockPath, channel, pathView);
    }
    // end::lock[]

    // tag::stale[]
    private static void clearStale(Path socket, Consumer<String> log) throws IOException {
        int mode;
        try {
            // NOFOLLOW_LINKS: a symlink is not our socket, whatever it points to.
            mode = (int) Files.getAttribute(socket, "unix:mode", LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return; // nothing in the way
        }
        if ((mode & S_IFMT) != S_IFSOCK) {
            throw new IOException(socket + " exists and is not a socket: refusing to touch it;"
                    + " remove it yourself or choose another --socket");
        }
        if (somebodyListens(socket)) {
            throw new AlreadyServing("already serving: a server is listening on " + socket);
        }
        Files.delete(socket);
        log.accept("removed stale socket " + socket);
    }

    /** Connects once: accepted means a live server; refused means a socket file nobody listens on. */
    private static boolean somebodyListens(Path socket) throws IOException {
        try (SocketChannel probe = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
            return true;
        } catch (ConnectException refused) {
            return false;
        }
    }
    // end::stale[]

    private static String read(FileChannel channel) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(32);
        channel.read(buffer, 0);
        return new String(buffer.array(), 0, buffer.position(), StandardCharsets.US_ASCII).strip();
    }

    /** The pid in a lock file we do not hold (reading it may unlock nothing of ours). */
    private static String ownerOf(Path lockPath) {
        try {
            String pid = Files.readString(lockPath, StandardCharsets.US_ASCII).strip();
            return pid.isEmpty() ? "unknown" : pid;
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** Deletes the lock file, then releases the lock: the order keeps the check in lock() honest. */
    @Override
    public void close() throws IOException {
        try (lockChannel; pathView) {
            Files.deleteIfExists(lockPath);
        }
    }
}
