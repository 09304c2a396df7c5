package uds.scmcredentials;

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
        boolean root = ThisProcess.isRoot();

        List<String> expectedInOrder = new ArrayList<>(List.of(
                "receiver \\| from pid=\\d+ uid=.*: \"hello\""));
        if (root) {
            expectedInOrder.addAll(List.of(
                    "receiver \\| from pid=\\d+ " + Pattern.quote(Users.ids(Users.nobody())) + ": \"from nobody\"",
                    "sender \\| error: sendmsg failed: EPERM .*",
                    "receiver \\| from pid=\\d+ uid=0\\(root\\) gid=0\\(root\\): \"root claims another pid\"",
                    "sender \\| error: sendmsg failed: ESRCH .*"));
        } else {
            expectedInOrder.add("sender \\| error: sendmsg failed: EPERM .*");
        }
        expectedInOrder.addAll(List.of(
                "receiver \\| from pid=\\d+ uid=.*: \"nothing attached\"",
                "receiver \\| from \\(no credentials\\): \"sent with credentials\"",
                "receiver \\| connected: SO_PEERCRED pid=\\d+ .*",
                "receiver \\| from pid=\\d+ .*: \"first message\""));
        TourOutput.check(expectedInOrder);
    }
}
