package uds.socketactivation;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.util.List;

import org.junit.jupiter.api.Test;

import uds.support.testing.TourOutput;
import uds.support.testing.Transcript;

/** The tour runs from the jar and shows each step; its output becomes the walkthrough's transcript. */
class DemoIT {

    /** The tour's steps, numbered as the page's. */
    static final List<String> STEPS = List.of("1", "2", "3a", "3b", "4", "5");

    @Test
    void theTourShowsEveryStepInOrder() throws Exception {
        if (!Files.isExecutable(SocketActivationIT.ACTIVATE)) {
            // The page still builds, and says why it shows no run.
            Transcript notCaptured = new Transcript();
            notCaptured.note("(Not captured: systemd-socket-activate is not installed here; Debian: apt-get install systemd.)");
            notCaptured.write("demo");
            for (String step : STEPS) {
                notCaptured.write("demo-step-" + step);
            }
        }
        assumeTrue(Files.isExecutable(SocketActivationIT.ACTIVATE), "no systemd-socket-activate (Debian: apt-get install systemd)");
        TourOutput.check(List.of(
                "manager \\| Listening on .*echo\\.sock as 3\\.",
                "stat \\| socket \\d+ \\S+ .*echo\\.sock",
                "-- 2\\. .*",
                "server \\| error: not socket-activated: .*",
                "-- 3a\\. .*",
                "client \\| hello pid=\\d+ uid=.*",
                "client \\| socket activation",
                "manager \\| connection 1: pid=\\d+ .*",
                "-- 3b\\. .*",
                "stat \\| socket \\d+ \\S+ .*echo\\.sock",
                "-- 4\\. .*",
                "client \\| hello user=\\S+ group=\\S+ \\(the JDK's SO_PEERCRED has no pid\\)",
                "client \\| second JVM",
                "-- 5\\. .*",
                "client \\| hello \\(SOCK_SEQPACKET: each datagram comes back as it was\\)",
                "client \\| another"));
    }
}
