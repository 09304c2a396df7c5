package uds.support;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;


/**
 * A lock file with our pid in it, locked for as long as we hold it: like PostgreSQL's
 * postmaster.pid. Used by {@link StaleSocketGuard} here and by lesson 04's update server.
 *
 * <p>Two traps shape it. The directory may be shared, so the path may be a symlink or a file
 * another user planted: it is opened without following links, never truncated before it is
 * locked, and refused unless it is a regular file of ours. And the JDK's locks are POSIX
 * locks (fcntl(2)), which belong to the process, not to the descriptor: closing <em>any</em>
 * descriptor of the file drops them. A second, refused attempt in the same JVM must
 * therefore never open and close the file; a table of the files this JVM holds answers it.
 */
public final class LockFile implements AutoCloseable {

    /** Somebody holds the lock: another process, or this one. */
    public static final class Held extends IOException {
        Held(String message) {
            super(message);
        }
    }

    /** The files this JVM holds, by device and inode ({@code fileKey}), not by name. */
    private static final Map<Object, LockFile> HELD_HERE = new HashMap<>();

    private final Path path;
    private final Object fileKey;
    private final FileChannel channel;
    private final List<FileChannel> adopted = new ArrayList<>();

    private LockFile(Path path, Object fileKey, FileChannel channel) {
        this.path = path;
        this.fileKey = fileKey;
        this.channel = channel;
    }

    // tag::acquire[]
    /** Creates or opens path, locks it and writes our pid into it; refuses if anyone holds it. */
    public static LockFile acquire(Path path) throws IOException {
        synchronized (HELD_HERE) {
            PosixFileAttributes before = attributesIfAny(path);
            if (before != null) {
                checkOurs(path, before);
                if (HELD_HERE.containsKey(before.fileKey())) {
                    throw new Held("already serving: this process holds " + path);
                }
            }
            // No TRUNCATE_EXISTING: truncating before the lock is ours would wipe a live
            // server's pid. NOFOLLOW_LINKS: a symlink planted at the path fails (ELOOP).
            FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
            try {
                PosixFileAttributes opened = attributesIfAny(path);
                if (opened == null) {
                    throw new Held("already serving: " + path + " was removed while we opened it");
                }
                checkOurs(path, opened);
                LockFile holder = HELD_HERE.get(opened.fileKey());
                if (holder != null) { // the file changed under the name: it is one we hold after all
                    holder.adopted.add(channel); // closed with the holder: closing it now would unlock
                    throw new Held("already serving: this process holds " + path);
                }
                FileLock lock = tryLock(channel);
                if (lock == null) {
                    throw new Held("already serving: another server (pid " + pidIn(channel) + ") holds " + path);
                }
                // A server shutting down deletes its file, then unlocks: if it did so between our
                // open and our lock, we locked a file that no longer has a name.
                if (!opened.fileKey().equals(fileKeyAt(path))) {
                    throw new Held("already serving: " + path + " changed hands while we locked it");
                }
                String pid = Long.toString(ProcessHandle.current().pid());
                channel.truncate(0).write(ByteBuffer.wrap((pid + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
                channel.force(true);
                LockFile lockFile = new LockFile(path, opened.fileKey(), channel);
                HELD_HERE.put(opened.fileKey(), lockFile);
                return lockFile;
            } catch (IOException | RuntimeException e) {
                if (!isAdopted(channel)) {
                    channel.close(); // not a file this JVM holds: closing it unlocks nothing of ours
                }
                throw e;
            }
        }
    }
    // end::acquire[]

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null; // the JDK's own table: held in this JVM (ours is checked first)
        }
    }

    private static boolean isAdopted(FileChannel channel) {
        return HELD_HERE.values().stream().anyMatch(holder -> holder.adopted.contains(channel));
    }

    private static PosixFileAttributes attributesIfAny(Path path) throws IOException {
        try {
            return Files.readAttributes(path, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    /** A regular file owned by the user we run as: anything else was put there by someone else. */
    private static void checkOurs(Path path, PosixFileAttributes attributes) throws IOException {
        if (!attributes.isRegularFile()) {
            throw new IOException(path + " is not a regular file (a symlink, a directory or a device?):"
                    + " refusing to use it as a lock file");
        }
        long owner = FileStatus.of(path).uid();
        if (owner != ThisProcess.uid()) {
            throw new IOException(path + " belongs to uid " + owner + ", not to us (uid " + ThisProcess.uid()
                    + "): refusing a lock file someone else may have planted");
        }
    }

    /** The pid in a file someone else holds, read through the descriptor we already have. */
    private static String pidIn(FileChannel channel) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(32);
        channel.read(buffer, 0);
        String pid = new String(buffer.array(), 0, buffer.position(), StandardCharsets.US_ASCII).strip();
        return pid.matches("[0-9]{1,10}") ? pid : "unknown";
    }

    private static Object fileKeyAt(Path path) throws IOException {
        PosixFileAttributes now = attributesIfAny(path);
        return now == null ? null : now.fileKey();
    }

    /** True while path still names the file we locked. */
    public boolean stillAtPath() throws IOException {
        return fileKey.equals(fileKeyAt(path));
    }

    public Path path() {
        return path;
    }

    /** Deletes the file if the path still names it, then releases the lock. */
    @Override
    public void close() throws IOException {
        synchronized (HELD_HERE) {
            if (!HELD_HERE.remove(fileKey, this)) {
                return; // closed before
            }
            try {
                if (stillAtPath()) {
                    Files.delete(path); // before unlocking: whoever locks next makes a new file
                }
            } finally {
                channel.close();
                for (FileChannel other : adopted) {
                    other.close();
                }
            }
        }
    }
}
