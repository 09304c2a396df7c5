package uds.pathsocket;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

/** Running a command as another real user, which only root can do (with setpriv). */
final class Users {

    static final int NOBODY_UID = 65534;
    static final int NOGROUP_GID = 65534;

    static boolean isRoot() throws IOException {
        return PrivateDirectory.currentUid() == 0;
    }

    /** {@code setpriv --reuid=UID --regid=GID --clear-groups COMMAND...}: a real process of that user. */
    static List<String> as(int uid, int gid, List<String> command) {
        List<String> full = new ArrayList<>(List.of("setpriv", "--reuid=" + uid, "--regid=" + gid, "--clear-groups"));
        full.addAll(command);
        return full;
    }

    /**
     * The lesson jar copied into a fresh world-readable directory. Another user's JVM must be
     * able to read its classes, and /root (where a checkout often lives) is mode 0700.
     */
    static LessonJar readableCopy(LessonJar jar, Path tempDir) throws IOException {
        Path dir = Files.createTempDirectory(tempDir, "jar-");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path copy = Files.copy(jar.jar(), dir.resolve(jar.jar().getFileName()), StandardCopyOption.REPLACE_EXISTING);
        Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("rw-r--r--"));
        return new LessonJar(copy);
    }

    private Users() {
    }
}
