package uds.pathsocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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

        List<String> expectedInOrder = List.of(
                "server \\| listening on .*/echo.sock \\(mode 0600\\)",
                "the file: srw------- echo.sock",
                "client \\| hello",
                "client \\| grüß dich",
                "client \\| same server, other library",
                "second server \\| error: already serving: another server \\(pid \\d+\\) holds .*/echo.sock.lock",
                "client \\| still here\\?",
                "\\$ kill -KILL \\d+",
                "the lock: -rw.* echo.sock.lock",
                "client \\| error: nothing listens on .*: the socket file is stale \\(its server is gone\\)",
                "server \\| removed stale socket .*/echo.sock",
                "server \\| listening on .*/echo.sock \\(mode 0666\\)",
                "server \\| removed .*/echo.sock",
                "the file: echo.sock is gone",
                "server \\| error: .*/echo.sock exists and is not a socket: refusing to touch it;.*",
                "still holding: precious data",
                "server \\| error: socket path is \\d+ bytes long; sun_path holds at most 107 bytes.*");
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
