package uds.peercred;

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

        List<String> expectedInOrder = new ArrayList<>(List.of(
                "client \\| peer pid=\\d+ uid=\\d+.* gid=\\d+.*",
                "client \\| server user=\\S+ group=\\S+",
                "server \\| peer pid=\\d+ uid=.*"));
        if (Users.isRoot()) {
            expectedInOrder.addAll(List.of(
                    "client \\| peer pid=\\d+ uid=33\\(www-data\\) gid=33\\(www-data\\)",
                    "client \\| peer pid=\\d+ uid=65534\\(nobody\\) gid=65534\\(nogroup\\)",
                    "client \\| peer pid=\\d+ uid=4294967294 gid=4294967294",
                    "--allow-user www-data &",
                    "client \\| peer pid=\\d+ uid=33\\(www-data\\)",
                    "client \\| denied uid=65534\\(nobody\\)"));
        }
        expectedInOrder.add("server \\| denied uid=.*");
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
