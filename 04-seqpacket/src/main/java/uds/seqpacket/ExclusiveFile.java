package uds.seqpacket;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static uds.support.SocketConstants.O_CLOEXEC;
import static uds.support.SocketConstants.O_CREAT;
import static uds.support.SocketConstants.O_EXCL;
import static uds.support.SocketConstants.O_NOFOLLOW;
import static uds.support.SocketConstants.O_WRONLY;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.nio.file.Path;

import uds.support.Libc;

/**
 * Writes a new file the way a privileged program must in a directory it shares with nobody
 * yet trusts no further: created by this call and no one else (O_CREAT|O_EXCL, which also
 * fails on a symlink at the name, dangling or not: open(2) never follows one then; O_NOFOLLOW
 * adds nothing here but says so to the reader), and its owner and mode set on the open
 * descriptor (fchown, fchmod), never by name afterwards. A chmod by name follows a symlink someone swapped in; the JDK has
 * no fchmod, so this goes to libc through FFM.
 */
final class ExclusiveFile {

    private static final MethodHandle OPEN = Libc.withErrno("open", JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT);
    private static final MethodHandle FCHOWN = Libc.withErrno("fchown", JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT);
    private static final MethodHandle FCHMOD = Libc.withErrno("fchmod", JAVA_INT, JAVA_INT, JAVA_INT);
    private static final MethodHandle WRITE = Libc.withErrno("write", JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG);
    private static final MethodHandle FSYNC = Libc.withErrno("fsync", JAVA_INT, JAVA_INT);
    private static final MethodHandle CLOSE = Libc.withErrno("close", JAVA_INT, JAVA_INT);

    /** Who is to own the new file, and its permission bits. */
    record Ownership(long uid, long gid, int mode) {
    }

    // tag::exclusive[]
    /** Creates file, which must not exist, with content and ownership, and syncs it to disk. */
    static void create(Path file, byte[] content, Ownership ownership) throws IOException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment name = arena.allocateFrom(file.toString());
            // 0600 until fchmod below: the umask could only make it stricter.
            int fd = (int) Libc.call("open", OPEN, name, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
            try {
                Libc.call("fchown", FCHOWN, fd, (int) ownership.uid(), (int) ownership.gid());
                Libc.call("fchmod", FCHMOD, fd, ownership.mode());
                MemorySegment bytes = arena.allocateFrom(JAVA_BYTE, content);
                for (long written = 0; written < bytes.byteSize(); ) {
                    written += Libc.call("write", WRITE, fd, bytes.asSlice(written), bytes.byteSize() - written);
                }
                Libc.call("fsync", FSYNC, fd); // the bytes are on disk before a name points at them
            } catch (IOException | RuntimeException e) {
                Libc.closeQuietly(fd); // the first failure is the one to report
                throw e;
            }
            Libc.call("close", CLOSE, fd); // after a good write, a failing close is a failed write
        }
    }
    // end::exclusive[]

    private ExclusiveFile() {
    }
}
