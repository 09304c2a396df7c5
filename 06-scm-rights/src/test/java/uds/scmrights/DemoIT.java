package uds.scmrights;

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
        boolean root = ThisProcess.isRoot();
        List<String> expectedInOrder = new ArrayList<>();
        expectedInOrder.add("-- 1a\\. .*");
        if (root) {
            expectedInOrder.add("cat \\| cat: .*/secret\\.txt: Permission denied");
        }
        expectedInOrder.addAll(List.of(
                "-- 1b\\. .*",
                "server \\| listening on .*",
                "-- 1c\\. .*",
                "client \\| error: the server refused .*/other\\.txt: not on the allow list",
                "client \\| error: the server refused .*/link-to-secret\\.txt: a symbolic link on the way: not followed"));
        if (root) {
            String www = Pattern.quote(UserDatabase.userLabel(Users.wwwData().uid()));
            expectedInOrder.add("client \\| error: the server refused .*/secret\\.txt: this user may not ask");
            expectedInOrder.add("server \\| pid=\\d+ uid=" + www + ": refused \".*/secret\\.txt\": this user may not ask");
        }
        expectedInOrder.addAll(List.of(
                "-- 5a\\. .*",
                "client \\| only root may open this file",
                "client \\| the opener opened it for you",
                "server \\| pid=\\d+ uid=.*: handed \".*/secret\\.txt\"",
                "-- 5b\\. .*",
                "client \\| only root may open this file",
                "server \\| pid=\\d+ uid=.*: handed \".*/secret\\.txt\""));
        TourOutput.check(expectedInOrder);
    }
}
