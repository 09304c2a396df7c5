package uds.abstractnamespace;

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
                "server \\| listening on @uds-démo-\\d+",
                " \\d+ @uds-démo-\\d+$",
                "client \\| grüß dich",
                "second server \\| error: name already in use: another process holds @uds-démo-\\d+.*",
                "\\(no line: the name is free\\)",
                "squatter \\| squatting @uds-démo-\\d+",
                "real server \\| error: name already in use.*",
                "client \\| my password",
                "squatter \\| captured: \"my password\"",
                "client \\| error: refusing to talk to @uds-démo-\\d+: its server runs as uid .*",
                "autobind \\| the kernel chose @[0-9a-f]{5}"));
        if (ThisProcess.isRoot()) {
            expectedInOrder.add("client \\| error: nobody listens on @uds-démo-\\d+ \\(Connection refused\\)");
        }
        TourOutput.check(expectedInOrder);
    }
}
