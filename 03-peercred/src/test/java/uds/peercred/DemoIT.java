package uds.peercred;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import uds.support.ThisProcess;
import uds.support.UserDatabase;
import uds.support.testing.TourOutput;
import uds.support.testing.Users;

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
                    "client \\| peer pid=\\d+ " + Pattern.quote(Users.ids(Users.wwwData())),
                    "client \\| peer pid=\\d+ " + Pattern.quote(Users.ids(Users.nobody())),
                    "client \\| peer pid=\\d+ uid=4294967294 gid=4294967294",
                    "--allow-user www-data &",
                    "client \\| peer pid=\\d+ uid=" + Pattern.quote(UserDatabase.userLabel(Users.wwwData().uid())),
                    "client \\| denied uid=" + Pattern.quote(UserDatabase.userLabel(Users.nobody().uid()))));
        }
        expectedInOrder.add("server \\| denied uid=.*");
        TourOutput.check(expectedInOrder);
    }
}
