package uds.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A real user other than the one running: a command started through {@code setpriv} runs as
 * a process of that user, with that user's uid and gid and no supplementary groups. Only root
 * may do that.
 */
public record OtherUser(String name, long uid, long gid) {

    /** The user of that name and its primary group, from the user database; empty if there is none. */
    public static Optional<OtherUser> named(String name) {
        return UserDatabase.user(name).map(entry -> new OtherUser(name, entry.uid(), entry.gid()));
    }

    /** Ids that need no entry in the user database, such as uid 4294967294. */
    public static OtherUser withIds(long uid, long gid) {
        return new OtherUser(UserDatabase.userLabel(uid), uid, gid);
    }

    /** {@code setpriv --reuid=UID --regid=GID --clear-groups}: setpriv wants numbers, not names. */
    public List<String> prefix() {
        return List.of("setpriv", "--reuid=" + uid, "--regid=" + gid, "--clear-groups");
    }

    /** command, run as this user. */
    public List<String> command(List<String> command) {
        List<String> full = new ArrayList<>(prefix());
        full.addAll(command);
        return full;
    }
}
