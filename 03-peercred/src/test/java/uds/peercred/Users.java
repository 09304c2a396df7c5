package uds.peercred;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Running a command as another real user, which only root can do (with setpriv). */
final class Users {

    static final int NOBODY_UID = 65534;
    static final int NOGROUP_GID = 65534;
    static final String NOT_ROOT = "running a process as another user needs root (setpriv):"
            + " run the tests as root to see this";

    static long currentUid() throws IOException {
        return ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")).longValue();
    }

    static long currentGid() throws IOException {
        return ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:gid")).longValue();
    }

    /** {@code uid=0(root) gid=0(root)}: this process as the server describes a peer. */
    static String currentIds() throws IOException {
        return "uid=" + UserDatabase.userLabel(currentUid()) + " gid=" + UserDatabase.groupLabel(currentGid());
    }

    static boolean isRoot() throws IOException {
        return currentUid() == 0;
    }

    /** {@code setpriv --reuid=UID --regid=GID --clear-groups COMMAND...}: a real process of that user. */
    static List<String> as(int uid, int gid, List<String> command) {
        List<String> full = new ArrayList<>(List.of("setpriv", "--reuid=" + uid, "--regid=" + gid, "--clear-groups"));
        full.addAll(command);
        return full;
    }

    private Users() {
    }
}
