package uds.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uds.support.ServerProcess;
import uds.support.ThisProcess;
import uds.support.UserDatabase;
import uds.support.testing.Commands;
import uds.support.testing.JarUnderTest;
import uds.support.testing.SmallestProgram;
import uds.support.testing.Transcript;

/** The smallest programs (package minimal): they stand alone, and they work from the lesson's jar. */
class MinimalIT {

    @TempDir
    Path dir;

    @Test
    void eachFileStandsAloneAndIsShort() throws Exception {
        // Jetty, and the SLF4J API it logs through: the server's only library.
        SmallestProgram.check(SmallestProgram.sources("uds.http"), dir, "jetty-", "slf4j-api-");
    }

    @Test
    void theClientWritesHttpByHandAndJettyAnswersWithTheCallersName() throws Exception {
        Transcript transcript = new Transcript();
        try (ServerProcess server = transcript.startIn(dir, JarUnderTest.get().command("minimal-server"),
                "serving HTTP on http.sock")) {
            Commands.Result answer = transcript.recordIn(dir, JarUnderTest.get().command("minimal-client", "http.sock",
                    "/v1/whoami"));
            assertEquals(0, answer.exit(), answer.stderr());
            assertTrue(answer.stdout().startsWith("HTTP/1.1 200 OK\r\n"), answer.stdout());
            String me = "hello " + UserDatabase.userName(ThisProcess.uid()).orElseThrow() + " (group "
                    + UserDatabase.groupName(ThisProcess.gid()).orElseThrow() + "), you asked for /v1/whoami\n";
            assertTrue(answer.stdout().endsWith("\r\n\r\n" + me), answer.stdout());
        }
        transcript.write("minimal");
    }
}
