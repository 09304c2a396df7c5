package uds.socketactivation;

import java.util.List;
import java.util.Map;

/**
 * What a service manager says when it starts us with sockets of its own (sd_listen_fds(3)):
 * LISTEN_PID is the pid it meant the sockets for, LISTEN_FDS how many it passed, starting at
 * descriptor 3 (SD_LISTEN_FDS_START), and LISTEN_FDNAMES their names, colon-separated.
 *
 * <p>LISTEN_PID matters: the variables are inherited by every child of the process they were
 * meant for, and a child that believed them would take its parent's descriptors for its own.
 */
record Activation(int count, List<String> names) {

    /** The first passed descriptor: 0, 1 and 2 stay stdin, stdout and stderr. */
    static final int FIRST_DESCRIPTOR = 3;

    /** Not started by a service manager with sockets: why not, and how to start it. */
    static final class NotActivated extends java.io.IOException {
        NotActivated(String why) {
            super(why + "; start it with a socket to serve, for example: systemd-socket-activate -l /tmp/echo.sock"
                    + " java -jar 07-socket-activation.jar server (or from a .socket unit)");
        }
    }

    /** Started with sockets, but not with one. */
    static final class WrongCount extends java.io.IOException {
        WrongCount(String why) {
            super(why);
        }
    }

    // tag::check[]
    static Activation from(Map<String, String> environment, long ourPid) throws NotActivated, WrongCount {
        String pid = environment.get("LISTEN_PID");
        String fds = environment.get("LISTEN_FDS");
        if (pid == null || fds == null) {
            throw new NotActivated("not socket-activated: LISTEN_PID and LISTEN_FDS are not set");
        }
        if (!pid.equals(Long.toString(ourPid))) {
            throw new NotActivated("LISTEN_PID is " + pid + ", not our pid " + ourPid
                    + ": the sockets were meant for another process (our parent?)");
        }
        int count;
        try {
            count = Integer.parseInt(fds);
        } catch (NumberFormatException e) {
            throw new NotActivated("LISTEN_FDS is not a number: " + fds);
        }
        if (count < 1) {
            throw new NotActivated("LISTEN_FDS is " + count + ": no socket was passed");
        }
        if (count > 1) {
            // Descriptors 4 and up would stay open, unchecked, and be inherited by anything we
            // start: better to say the configuration is wrong than to serve on half of it.
            throw new WrongCount("LISTEN_FDS is " + count + ": this server takes one socket; pass it one"
                    + " (one Listen line in the .socket unit, one -l for systemd-socket-activate)");
        }
        String names = environment.getOrDefault("LISTEN_FDNAMES", "");
        return new Activation(count, names.isEmpty() ? List.of() : List.of(names.split(":", -1)));
    }
    // end::check[]
}
