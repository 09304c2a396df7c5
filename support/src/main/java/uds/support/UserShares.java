package uds.support;

import java.util.HashMap;
import java.util.Map;

/**
 * How many connections each user holds, against a cap per user ({@code --max-per-user}). The
 * shared cap alone ({@code --max-connections}) lets one local user take every slot and keep
 * everyone else out for as long as they like; with a share each, one user can take at most
 * their own.
 */
final class UserShares {

    private final int maxPerUser;
    // Only users with a connection open are here: the map is as large as the open connections.
    private final Map<Long, Integer> held = new HashMap<>();

    UserShares(int maxPerUser) {
        if (maxPerUser < 1) {
            throw new IllegalArgumentException("maxPerUser must be at least 1, not " + maxPerUser);
        }
        this.maxPerUser = maxPerUser;
    }

    int maxPerUser() {
        return maxPerUser;
    }

    /** Takes one of uid's connections, unless it holds all of its share already. */
    synchronized boolean take(long uid) {
        int now = held.getOrDefault(uid, 0);
        if (now >= maxPerUser) {
            return false;
        }
        held.put(uid, now + 1);
        return true;
    }

    /** Gives back one of uid's connections. */
    synchronized void give(long uid) {
        held.computeIfPresent(uid, (user, now) -> now == 1 ? null : now - 1);
    }

    synchronized int held(long uid) {
        return held.getOrDefault(uid, 0);
    }
}
