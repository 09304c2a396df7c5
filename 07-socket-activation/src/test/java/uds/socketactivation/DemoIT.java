package uds.socketactivation;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.util.List;

import org.junit.jupiter.api.Test;

import uds.support.testing.TourOutput;

/** The tour runs from the jar and shows each step; its output becomes the walkthrough's transcript. */
class DemoIT {

    @Test
    void theTourShowsEveryStepInOrder() throws Exception {
        assumeTrue(Files.isExecutable(SocketActivationIT.ACTIVATE), "no systemd-socket-activate (Debian: apt-get install systemd)");
        TourOutput.check(List.of(
                "manager \\| Listening on .*echo\\.sock as 3\\.",
                "stat \\| socket \\d+ \\S+ .*echo\\.sock",
                "client \\| hello pid=\\d+ uid=.*",
                "client \\| socket activation",
                "manager \\| connection 1: pid=\\d+ .*",
                "-- 3\\. .*",
                "stat \\| socket \\d+ \\S+ .*echo\\.sock",
                "server \\| error: not socket-activated: .*",
                "client \\| hello user=\\S+ group=\\S+ \\(the JDK's SO_PEERCRED has no pid\\)",
                "client \\| second JVM",
                "client \\| hello \\(SOCK_SEQPACKET: each datagram comes back as it was\\)",
                "client \\| another"));
    }
}
