package uds.exercises.peercred;

import java.util.Set;

/**
 * Exercise 03.2: admit a peer by its user or by its group. (Walkthrough 03, step 4.
 * Checked by GroupAllowListTest.)
 */
record GroupAllowList(Set<Long> uids, Set<Long> gids) {

    /** True if the peer's uid is on the user list, or its gid on the group list. */
    boolean admits(long uid, long gid) {
        return uids.contains(uid) || gids.contains(gid);
    }
}
