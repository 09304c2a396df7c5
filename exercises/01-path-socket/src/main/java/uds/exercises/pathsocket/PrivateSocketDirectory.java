package uds.exercises.pathsocket;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

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
        // TODO: the umask decides this mode (often 0755), and an existing dir is taken as it is.
        Files.createDirectories(dir);
        return dir;
    }

    private PrivateSocketDirectory() {
    }
}
