package uds.peercred;

import java.util.Set;

/**
 * Who may talk to the server: users by uid, groups by gid. Empty, it admits everyone.
 *
 * <p>Decided on uid and gid, never on pid: the pid is that of the process that connected,
 * and the kernel hands it to a new process once that one ends. The group is the peer's
 * primary (effective) gid at connect time; SO_PEERCRED does not carry supplementary groups.
 */
record AllowList(Set<Long> uids, Set<Long> gids) {

    static final AllowList EVERYONE = new AllowList(Set.of(), Set.of());

    // tag::admits[]
    boolean admits(PeerCredentials peer) {
        if (uids.isEmpty() && gids.isEmpty()) {
            return true;
        }
        return uids.contains(peer.uid()) || gids.contains(peer.gid());
    }
    // end::admits[]
}
