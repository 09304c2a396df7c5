package uds.socketactivation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uds.support.ServerProcess;
import uds.support.testing.Commands;
import uds.support.testing.JarUnderTest;
import uds.support.testing.SmallestProgram;
import uds.support.testing.Transcript;

/**
 * The smallest programs (package minimal): they stand alone, and they work: the server under
 * a real service manager, systemd-socket-activate, started by the client's first connect.
 */
class MinimalIT {

    @TempDir
    Path dir;

    @Test
    void eachFileStandsAloneAndIsShort() throws Exception {
        SmallestProgram.check(SmallestProgram.sources("uds.socketactivation"), dir);
    }

    @Test
    void theFirstConnectStartsTheServerAndIsServed() throws Exception {
        Transcript transcript = new Transcript();
        if (!Files.isExecutable(SocketActivationIT.ACTIVATE)) { // the page still builds, and says why
            transcript.note("(Not captured: systemd-socket-activate is not installed here; Debian: apt-get install systemd.)");
            transcript.write("minimal");
        }
        assumeTrue(Files.isExecutable(SocketActivationIT.ACTIVATE), "no systemd-socket-activate (Debian: apt-get install systemd)");
        List<String> manager = new ArrayList<>(List.of(SocketActivationIT.ACTIVATE.toString(), "-l",
                dir.resolve("echo.sock").toString())); // the manager takes absolute paths only
        manager.addAll(JarUnderTest.get().command("minimal-server"));
        try (ServerProcess activate = transcript.startIn(dir, manager, "Listening on")) {
            Commands.Result client = transcript.recordIn(dir, JarUnderTest.get().command("minimal-client"));
            assertEquals(0, client.exit(), client.stderr());
            List<String> lines = client.stdout().lines().toList();
            assertTrue(lines.getFirst().matches("hello from pid \\d+, started for you"), lines.getFirst());
            assertEquals("hello", lines.get(1));
            transcript.serverSays(activate, "serving on descriptor 3");
        }
        transcript.write("minimal");
    }

    @Test
    void startedByHandItSaysHowToStartIt() throws Exception {
        Commands.Result alone = Commands.run(JarUnderTest.get().command("minimal-server"));
        assertEquals(1, alone.exit());
        assertTrue(alone.stderr().startsWith("error: not socket-activated (LISTEN_PID, LISTEN_FDS)"), alone.stderr());
    }
}
