package uds.seqpacket;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

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

    private static final int S_IFMT = 0170000;
    private static final int S_IFREG = 0100000;
    private static final int S_IFDIR = 0040000;
    private static final int S_ISVTX = 01000;
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
        int mode;
        long owner;
        try {
            // NOFOLLOW_LINKS: a symlink is refused for what it is, never judged by its target.
            mode = (int) Files.getAttribute(file, "unix:mode", LinkOption.NOFOLLOW_LINKS);
            owner = Integer.toUnsignedLong((int) Files.getAttribute(file, "unix:uid", LinkOption.NOFOLLOW_LINKS));
        } catch (NoSuchFileException e) {
            return; // the first SET creates it
        }
        if ((mode & S_IFMT) != S_IFREG) {
            throw new Untrusted(file + " is " + kind(mode) + ", not a regular file: refusing to use it");
        }
        checkOwnerAndMode(file, "file", mode, owner, serverUid);
    }

    private static void checkDirectory(Path dir, long serverUid, boolean stickyWillDo) throws IOException {
        int mode = (int) Files.getAttribute(dir, "unix:mode", LinkOption.NOFOLLOW_LINKS);
        long owner = Integer.toUnsignedLong((int) Files.getAttribute(dir, "unix:uid", LinkOption.NOFOLLOW_LINKS));
        if ((mode & S_IFMT) != S_IFDIR) {
            throw new Untrusted(dir + " is " + kind(mode) + ", not a directory");
        }
        if (stickyWillDo && (mode & S_ISVTX) != 0 && (owner == 0 || owner == serverUid)) {
            return; // like /tmp: others may add entries here, but not move ours
        }
        checkOwnerAndMode(dir, "directory", mode, owner, serverUid);
    }
    // end::strict[]

    private static void checkOwnerAndMode(Path path, String what, int mode, long owner, long serverUid)
            throws Untrusted {
        if (owner != 0 && owner != serverUid) {
            throw new Untrusted(what + " " + path + " belongs to uid " + UserDatabase.userLabel(owner)
                    + ": only root or uid " + UserDatabase.userLabel(serverUid) + " may own it");
        }
        if ((mode & GROUP_OR_OTHER_WRITE) != 0) {
            throw new Untrusted(what + " " + path + " has mode " + String.format("%04o", mode & 07777)
                    + ": others may write to it; chmod go-w it");
        }
    }

    private static String kind(int mode) {
        return switch (mode & S_IFMT) {
            case 0120000 -> "a symbolic link";
            case 0010000 -> "a FIFO";
            case 0020000 -> "a character device";
            case 0060000 -> "a block device";
            case 0140000 -> "a socket";
            case S_IFDIR -> "a directory";
            default -> "a regular file";
        };
    }

    private TrustedPath() {
    }
}
