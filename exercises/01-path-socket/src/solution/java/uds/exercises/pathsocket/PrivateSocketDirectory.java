package uds.exercises.pathsocket;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Exercise 01.3: a directory only its owner can enter, to bind a socket in, so that the
 * socket's mode does not matter (junixsocket makes it 0666 at bind). (Walkthrough 01, step 3.
 * Checked by PrivateSocketDirectoryTest.)
 */
final class PrivateSocketDirectory {

    /**
     * Makes dir with mode 0700, or accepts it if it already is a directory of ours with mode 0700.
     * Anything else at dir (a symlink, someone else's directory, a looser mode) is refused with
     * an IOException, because another user could reach or replace what we put in it.
     */
    static Path create(Path dir) throws IOException {
        try {
            // The mode is given at creation; the umask can only take bits away from 0700.
            Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (FileAlreadyExistsException e) {
            // someone may have made it first: check what it is below
        }
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException(dir + " is not a directory (a symlink?): refusing it");
        }
        int mode = (int) Files.getAttribute(dir, "unix:mode", LinkOption.NOFOLLOW_LINKS) & 0777;
        long owner = Integer.toUnsignedLong((int) Files.getAttribute(dir, "unix:uid", LinkOption.NOFOLLOW_LINKS));
        long me = Integer.toUnsignedLong((int) Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        if (owner != me || mode != 0700) {
            throw new IOException(dir + " has mode " + Integer.toOctalString(mode) + " and owner " + owner
                    + ": it must be ours with mode 700");
        }
        return dir;
    }

    private PrivateSocketDirectory() {
    }
}
