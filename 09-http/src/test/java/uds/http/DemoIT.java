package uds.http;

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
        List<String> expectedInOrder = new ArrayList<>();
        boolean curl = Files.isExecutable(Path.of("/usr/bin/curl"));
        if (curl) {
            expectedInOrder.add("curl \\| \\{\"pid\":\\d+,\"uid\":\\d+,.*");
        }
        expectedInOrder.add("agent \\| PUT \"/v1/notes/motd\" from pid=\\d+ .*: 201");
        if (ThisProcess.isRoot() && curl) {
            expectedInOrder.add("curl \\| backup at 02:00");
            expectedInOrder.add("agent \\| PUT \"/v1/notes/motd\" from pid=\\d+ "
                    + Pattern.quote(Users.ids(Users.nobody())) + ": 403");
        }
        for (String via : List.of("jetty", "apache", "okhttp")) {
            expectedInOrder.add(" *" + via + " \\| backup at 02:00");
        }
        TourOutput.check(expectedInOrder);
    }
}
