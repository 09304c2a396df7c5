package uds.seqpacket;

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
                "settings.conf: rw------- ",
                "server \\| listening on .*update.sock",
                "client \\| OK", "client \\| VALUE green", "client \\| OK",
                "colour=green", "motd=hello world"));
        if (Users.isRoot()) {
            expectedInOrder.addAll(List.of("client \\| ERR not authorized", "server \\| connection 2: uid 65534\\(nobody\\) refused"));
        }
        expectedInOrder.addAll(List.of(
                "client \\| ERR bad key.*", "client \\| ERR bad value.*", "client \\| ERR unknown command.*",
                "client \\| ERR too large", "client \\| VALUE green", "client \\| error: 4 of 5 requests failed",
                "colour=green", "server \\| removed .*update.sock"));
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
