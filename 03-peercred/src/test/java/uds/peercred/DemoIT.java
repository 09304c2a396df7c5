package uds.peercred;

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
                "client \\| peer pid=\\d+ uid=\\d+.* gid=\\d+.*",
                "client \\| server user=\\S+ group=\\S+",
                "server \\| peer pid=\\d+ uid=.*"));
        if (ThisProcess.isRoot()) {
            expectedInOrder.addAll(List.of(
                    "client \\| peer pid=\\d+ uid=33\\(www-data\\) gid=33\\(www-data\\)",
                    "client \\| peer pid=\\d+ uid=65534\\(nobody\\) gid=65534\\(nogroup\\)",
                    "client \\| peer pid=\\d+ uid=4294967294 gid=4294967294",
                    "--allow-user www-data &",
                    "client \\| peer pid=\\d+ uid=33\\(www-data\\)",
                    "client \\| denied uid=65534\\(nobody\\)"));
        }
        expectedInOrder.add("server \\| denied uid=.*");
        TourOutput.check(expectedInOrder);
    }
}
