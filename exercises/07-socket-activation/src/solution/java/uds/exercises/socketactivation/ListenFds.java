package uds.exercises.socketactivation;

import java.util.Map;

/** Exercise 07.1, solved: LISTEN_PID must be ours, or the sockets are someone else's. */
final class ListenFds {

    static int count(Map<String, String> environment, long ourPid) {
        if (!Long.toString(ourPid).equals(environment.get("LISTEN_PID"))) {
            return 0;
        }
        try {
            return Math.max(0, Integer.parseInt(environment.getOrDefault("LISTEN_FDS", "0")));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private ListenFds() {
    }
}
