package uds.abstractnamespace;

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
                "server \\| listening on @uds-démo-\\d+",
                " \\d+ @uds-démo-\\d+$",
                "client \\| grüß dich",
                "second server \\| error: name already in use: another process holds @uds-démo-\\d+.*",
                "\\(no line: the name is free\\)",
                "squatter \\| squatting @uds-démo-\\d+",
                "real server \\| error: name already in use.*",
                "client \\| my password",
                "squatter \\| captured: my password",
                "client \\| error: refusing to talk to @uds-démo-\\d+: its server runs as uid .*",
                "autobind \\| the kernel chose @[0-9a-f]{5}"));
        if (Users.isRoot()) {
            expectedInOrder.add("client \\| error: nobody listens on @uds-démo-\\d+ \\(Connection refused\\)");
        }
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
