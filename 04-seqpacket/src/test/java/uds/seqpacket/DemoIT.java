package uds.seqpacket;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import uds.support.ThisProcess;
import uds.support.testing.TourOutput;

/** The tour runs from the jar and shows each step; its output becomes the walkthrough's transcript. */
class DemoIT {

    @Test
    void theTourShowsEveryStepInOrder() throws Exception {
        List<String> expectedInOrder = new ArrayList<>(List.of(
                "settings.conf: rw------- ",
                "server \\| listening on .*update.sock",
                "client \\| OK", "client \\| VALUE green", "client \\| OK",
                "colour=green", "motd=hello world"));
        if (ThisProcess.isRoot()) {
            expectedInOrder.addAll(List.of("client \\| ERR not authorized", "server \\| connection 2: uid 65534\\(nobody\\) refused"));
        }
        expectedInOrder.addAll(List.of(
                "client \\| ERR bad key.*", "client \\| ERR bad value.*", "client \\| ERR unknown command.*",
                "client \\| ERR too large", "client \\| VALUE green", "client \\| error: 4 of 5 requests failed",
                "colour=green", "server \\| removed .*update.sock"));
        TourOutput.check(expectedInOrder);
    }
}
