package uds.scmrights;

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
                "-- 1\\. .*",
                "server \\| listening on .*",
                "client \\| only root may open this file",
                "client \\| the opener opened it for you",
                "server \\| handed .*/secret\\.txt to pid=\\d+ uid=.*",
                "-- 4\\. .*",
                "client \\| only root may open this file",
                "server \\| handed .*/secret\\.txt to pid=\\d+ uid=.*",
                "client \\| error: the server refused .*/other\\.txt: not on the allow list",
                "client \\| error: the server refused .*/link-to-secret\\.txt: a symbolic link on the way: not followed"));
        if (ThisProcess.isRoot()) {
            expectedInOrder.add(1, "cat \\| cat: .*/secret\\.txt: Permission denied");
            expectedInOrder.add("client \\| error: the server refused .*/secret\\.txt: this user may not ask");
            expectedInOrder.add("server \\| refused .*/secret\\.txt to pid=\\d+ uid=33\\(www-data\\): this user may not ask");
        }
        TourOutput.check(expectedInOrder);
    }
}
