package uds.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;

/**
 * What lstat(2) says of a path, read in one call and never through a symlink: its type and
 * permission bits, its owner and group as the unsigned numbers uid_t and gid_t are (the
 * JDK's "unix:uid" is a signed int: uid 4294967294 would read -2), and its number of hard
 * links. The servers decide from this what they may trust, remove or write over.
 */
public record FileStatus(int mode, long uid, long gid, int links) {

    private static final int S_IFMT = 0170000;
    private static final int S_IFREG = 0100000;
    private static final int S_IFDIR = 0040000;
    private static final int S_IFSOCK = 0140000;
    private static final int S_ISVTX = 01000;
    private static final String ATTRIBUTES = "unix:mode,uid,gid,nlink";

    /** The status of path itself (a symlink is a symlink); NoSuchFileException if nothing is there. */
    public static FileStatus of(Path path) throws IOException {
        return from(Files.readAttributes(path, ATTRIBUTES, LinkOption.NOFOLLOW_LINKS));
    }

    /**
     * What fstat(2) says of an open descriptor of this process. /proc/self/fd/N is no path
     * to resolve: following it, the kernel answers for the open file itself, whatever is at
     * the path it was opened by now.
     */
    public static FileStatus ofOpen(int fd) throws IOException {
        return from(Files.readAttributes(Path.of("/proc/self/fd/" + fd), ATTRIBUTES));
    }

    private static FileStatus from(Map<String, Object> status) {
        return new FileStatus((int) status.get("mode"), Integer.toUnsignedLong((int) status.get("uid")),
                Integer.toUnsignedLong((int) status.get("gid")), (int) status.get("nlink"));
    }

    public boolean isRegularFile() {
        return (mode & S_IFMT) == S_IFREG;
    }

    public boolean isDirectory() {
        return (mode & S_IFMT) == S_IFDIR;
    }

    public boolean isSocket() {
        return (mode & S_IFMT) == S_IFSOCK;
    }

    /** The sticky bit: in such a directory only an entry's owner may rename or remove it. */
    public boolean isSticky() {
        return (mode & S_ISVTX) != 0;
    }

    /** The permission bits, 07777 at most: 0640 for rw-r-----. */
    public int permissions() {
        return mode & 07777;
    }

    /** "a regular file", "a symbolic link", "a FIFO", ...: for messages. */
    public String kind() {
        return switch (mode & S_IFMT) {
            case 0120000 -> "a symbolic link";
            case 0010000 -> "a FIFO";
            case 0020000 -> "a character device";
            case 0060000 -> "a block device";
            case S_IFSOCK -> "a socket";
            case S_IFDIR -> "a directory";
            default -> "a regular file";
        };
    }
}
