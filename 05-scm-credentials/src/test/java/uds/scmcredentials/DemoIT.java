package uds.scmcredentials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** The tour runs from the jar and shows each step; its output becomes the walkthrough's transcript. */
class DemoIT {

    @Test
    void theTourShowsEveryStepInOrder() throws Exception {
        Cli.Result result = Cli.run(Cli.jar().command("demo"), "");
        assertEquals(0, result.exit(), result.stdout() + result.stderr());
        assertEquals("", result.stderr());
        boolean root = Credentials.own().uid() == 0;

        List<String> expectedInOrder = new ArrayList<>(List.of(
                "receiver \\| from pid=\\d+ uid=.*: hello",
                "receiver \\| from pid=\\d+ uid=.*: nothing attached"));
        if (root) {
            expectedInOrder.addAll(List.of(
                    "receiver \\| from pid=\\d+ uid=65534\\(nobody\\) gid=65534\\(nogroup\\): from nobody",
                    "sender \\| error: sendmsg failed: EPERM .*",
                    "receiver \\| from pid=\\d+ uid=0\\(root\\) gid=0\\(root\\): root claims another pid",
                    "sender \\| error: sendmsg failed: ESRCH .*"));
        } else {
            expectedInOrder.add("sender \\| error: sendmsg failed: EPERM .*");
        }
        expectedInOrder.addAll(List.of(
                "receiver \\| from \\(no credentials\\): sent with credentials",
                "receiver \\| connected: SO_PEERCRED pid=\\d+ .*",
                "receiver \\| from pid=\\d+ .*: first message"));
        List<String> lines = result.stdout().lines().toList();
        int at = 0;
        for (String expected : expectedInOrder) {
            Pattern pattern = Pattern.compile(".*" + expected + ".*");
            while (at < lines.size() && !pattern.matcher(lines.get(at)).matches()) {
                at++;
            }
            assertTrue(at < lines.size(), "the tour should show, after what came before: " + expected);
        }

        Path dir = Files.createDirectories(Path.of(System.getProperty("transcripts.dir")));
        Files.writeString(dir.resolve("demo.txt"), result.stdout(), StandardCharsets.UTF_8);
    }
}
