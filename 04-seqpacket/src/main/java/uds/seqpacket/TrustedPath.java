package uds.seqpacket;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import uds.support.FileStatus;
import uds.support.UserDatabase;

/**
 * The privileged server's rule for its configuration file, in the spirit of sshd's StrictModes:
 * trust a path only if no user other than the server's own (or root) could have put anything
 * there or could change it. A root server that writes wherever its command line points would
 * otherwise write, chmod and chown whatever another user arranges to be there.
 *
 * <p>The file's own directory must be writable by no one else: the server creates its
 * temporary files and renames in it. A directory higher up may be a sticky one such as /tmp
 * (mode 1777), where others may create entries but not rename or remove ours; sshd makes no
 * such exception, so its rule is stricter still.
 */
final class TrustedPath {

    /** Why the server will not use a path. */
    static final class Untrusted extends IOException {
        Untrusted(String message) {
            super(message);
        }
    }

    private static final int GROUP_OR_OTHER_WRITE = 0022;

    // tag::strict[]
    /**
     * Checks the configuration file (if it exists) and every directory above it. Returns the
     * file with its directory resolved to a real path, so that a symlinked directory (Debian's
     * /var/run is one) is checked where it really is.
     */
    static Path check(Path file, long serverUid) throws Untrusted, IOException {
        Path dir = file.toAbsolutePath().getParent();
        Path realDir;
        try {
            realDir = dir.toRealPath();
        } catch (NoSuchFileException e) {
            throw new Untrusted("directory " + dir + " does not exist: create it first, owned by "
                    + UserDatabase.userLabel(serverUid) + ", mode 0755 or stricter");
        }
        checkDirectory(realDir, serverUid, false);
        for (Path above = realDir.getParent(); above != null; above = above.getParent()) {
            checkDirectory(above, serverUid, true);
        }
        Path real = realDir.resolve(file.getFileName());
        checkFile(real, serverUid);
        return real;
    }

    private static void checkFile(Path file, long serverUid) throws IOException {
        FileStatus status;
        try {
            status = FileStatus.of(file); // lstat: a symlink is refused for what it is, never judged by its target
        } catch (NoSuchFileException e) {
            return; // the first SET creates it
        }
        if (!status.isRegularFile()) {
            throw new Untrusted(file + " is " + status.kind() + ", not a regular file: refusing to use it");
        }
        if (status.links() > 1) {
            // A second name for the file may sit in a directory we never checked, and the
            // first SET would split the link silently: the other name keeps the old content.
            throw new Untrusted(file + " has " + status.links() + " hard links: another name for it may be anyone's"
                    + " to use; give it a single name");
        }
        checkOwnerAndMode(file, "file", status, serverUid);
    }

    private static void checkDirectory(Path dir, long serverUid, boolean stickyWillDo) throws IOException {
        FileStatus status = FileStatus.of(dir);
        if (!status.isDirectory()) {
            throw new Untrusted(dir + " is " + status.kind() + ", not a directory");
        }
        if (stickyWillDo && status.isSticky() && (status.uid() == 0 || status.uid() == serverUid)) {
            return; // like /tmp: others may add entries here, but not move ours
        }
        checkOwnerAndMode(dir, "directory", status, serverUid);
    }
    // end::strict[]

    private static void checkOwnerAndMode(Path path, String what, FileStatus status, long serverUid)
            throws Untrusted {
        if (status.uid() != 0 && status.uid() != serverUid) {
            throw new Untrusted(what + " " + path + " belongs to uid " + UserDatabase.userLabel(status.uid())
                    + ": only root or uid " + UserDatabase.userLabel(serverUid) + " may own it");
        }
        if ((status.mode() & GROUP_OR_OTHER_WRITE) != 0) {
            throw new Untrusted(what + " " + path + " has mode " + String.format("%04o", status.permissions())
                    + ": others may write to it; chmod go-w it");
        }
    }

    private TrustedPath() {
    }
}
