package uds.seqpacket;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import uds.support.FileStatus;
import uds.support.LockFile;
import uds.support.ThisProcess;

/**
 * The configuration file the update server owns: plain {@code key=value} lines, so that any
 * tool, and any learner, can read it. Every change is written atomically: a reader, or the
 * next start after a crash, sees the old file or the new one, never half of one.
 *
 * <p>Opened only on a path {@link TrustedPath} accepts, and held under a lock file beside it
 * (lesson 01's {@link LockFile}), so that one server at a time writes it and a server starting
 * up may remove the temporary files a killed one left behind.
 */
final class ConfigFile implements AutoCloseable {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path file;
    private final LockFile lock;
    private final Map<String, String> entries;
    private boolean closed; // guarded by this, like every write

    private ConfigFile(Path file, LockFile lock, Map<String, String> entries) {
        this.file = file;
        this.lock = lock;
        this.entries = entries;
    }

    /**
     * Checks the path, locks it, clears stale temporary files and reads the file; a missing file
     * is an empty configuration, a malformed or untrusted one is refused.
     */
    static ConfigFile open(Path path, Consumer<String> log) throws IOException {
        Path file = TrustedPath.check(path, ThisProcess.uid());
        LockFile lock = LockFile.acquire(file.resolveSibling(file.getFileName() + ".lock"));
        try {
            removeStaleTemporaries(file, log);
            return new ConfigFile(file, lock, read(file));
        } catch (IOException | RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    private static Map<String, String> read(Path file) throws IOException {
        Map<String, String> entries = new LinkedHashMap<>();
        String text;
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return entries;
        }
        int number = 0;
        for (String line : text.lines().toList()) {
            number++;
            int equals = line.indexOf('=');
            if (equals < 1 || !Request.KEY.matcher(line.substring(0, equals)).matches()) {
                throw new IOException(file + ":" + number + ": not a key=value line");
            }
            entries.put(line.substring(0, equals), line.substring(equals + 1));
        }
        return entries;
    }

    // tag::stale-temporaries[]
    /**
     * kill -9 during a write leaves a whole temporary copy behind. Under the lock no other
     * server is writing, so every temporary file of ours is a leftover: remove it. Files that
     * are not ours, or not regular files, are left for their owner.
     */
    private static void removeStaleTemporaries(Path file, Consumer<String> log) throws IOException {
        try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(file.getParent(),
                "." + file.getFileName() + ".*.tmp")) {
            for (Path leftover : leftovers) {
                FileStatus status = FileStatus.of(leftover);
                if (status.isRegularFile() && status.uid() == ThisProcess.uid()) {
                    Files.delete(leftover);
                    log.accept("removed " + leftover.getFileName() + ", left by a server stopped while writing");
                }
            }
        }
    }
    // end::stale-temporaries[]

    Path path() {
        return file;
    }

    synchronized Optional<String> get(String key) {
        return Optional.ofNullable(entries.get(key));
    }

    /** Sets key and writes the file; returns once the change is on disk. */
    synchronized void set(String key, String value) throws IOException {
        requireOpen();
        Map<String, String> changed = new LinkedHashMap<>(entries);
        changed.put(key, value);
        write(changed);
        entries.put(key, value);
    }

    /** Removes key and writes the file; false if there was no such key. */
    synchronized boolean delete(String key) throws IOException {
        requireOpen();
        if (!entries.containsKey(key)) {
            return false;
        }
        Map<String, String> changed = new LinkedHashMap<>(entries);
        changed.remove(key);
        write(changed);
        entries.remove(key);
        return true;
    }

    // tag::atomic-write[]
    private void write(Map<String, String> content) throws IOException {
        StringBuilder text = new StringBuilder();
        content.forEach((key, value) -> text.append(key).append('=').append(value).append('\n'));

        // In the same directory, so that the rename below stays within one filesystem; a name
        // nobody can guess, so nobody can have put anything there first.
        Path temporary = file.resolveSibling("." + file.getFileName() + "."
                + HexFormat.of().toHexDigits(RANDOM.nextLong()) + ".tmp");
        try {
            ExclusiveFile.create(temporary, text.toString().getBytes(StandardCharsets.UTF_8), ownership());
            // rename(2) replaces the old file in one step: no moment without a whole file.
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temporary);
            throw e;
        }
        try (FileChannel directory = FileChannel.open(file.getParent(), StandardOpenOption.READ)) {
            directory.force(true); // and the rename itself survives a power cut
        }
    }

    /** The old file's owner, group and mode; for a new file the server's own, mode 0600. */
    private ExclusiveFile.Ownership ownership() throws IOException {
        try {
            FileStatus old = FileStatus.of(file);
            return new ExclusiveFile.Ownership(old.uid(), old.gid(), old.permissions());
        } catch (NoSuchFileException e) {
            return new ExclusiveFile.Ownership(ThisProcess.uid(), ThisProcess.gid(), 0600);
        }
    }
    // end::atomic-write[]

    /** After close, the lock is another server's to take: this one must not write any more. */
    private void requireOpen() throws IOException {
        if (closed) {
            throw new IOException("the server is stopping: " + file + " is no longer ours to write");
        }
    }

    /**
     * Releases the lock (and removes the lock file). Synchronized like every write: a write under
     * way finishes first, and none starts after.
     */
    @Override
    public synchronized void close() throws IOException {
        if (!closed) {
            closed = true;
            lock.close();
        }
    }
}
