package uds.datagram;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import uds.support.ThisProcess;
import uds.support.testing.TourOutput;
import uds.support.testing.Users;

/** The tour runs from the jar and shows each step; its output becomes the walkthrough's transcript. */
class DemoIT {

    @Test
    void theTourShowsEveryStepInOrder() throws Exception {
        List<String> expectedInOrder = new ArrayList<>(List.of(
                "server \\| from pid=\\d+ uid=.*: \"the disk is almost full\"",
                "server \\| note: no answer: the sender is bound to no address.*",
                "client \\| OK 3",
                "server \\| answered OK 3 to \"@[0-9a-f]{5}\""));
        if (ThisProcess.isRoot()) {
            expectedInOrder.add("server \\| from pid=\\d+ " + Pattern.quote(Users.ids(Users.nobody()))
                    + ": \"from pid=1 uid=0\\(root\\): trust me\"");
        }
        if (Files.isExecutable(Path.of("/usr/bin/logger"))) {
            expectedInOrder.add("server \\| from pid=\\d+ .*backup: nightly backup done\"");
        }
        if (Files.isExecutable(Path.of("/usr/bin/systemd-notify"))) {
            expectedInOrder.addAll(List.of(
                    "server \\| from pid=\\d+ .*: \"READY=1\\\\nSTATUS=warming up\"",
                    "server \\| note: closed 1 descriptor the sender attached \\(SCM_RIGHTS\\).*"));
        }
        expectedInOrder.add("pair +\\| parent \\d+: child \\d+ echoed: hello");
        TourOutput.check(expectedInOrder);
    }
}
