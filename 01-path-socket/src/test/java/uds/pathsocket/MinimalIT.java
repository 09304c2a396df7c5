package uds.pathsocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uds.support.ServerProcess;
import uds.support.testing.Commands;
import uds.support.testing.JarUnderTest;
import uds.support.testing.SmallestProgram;
import uds.support.testing.Transcript;

/**
 * The smallest programs (package minimal): they stand alone, and they work, from the lesson's
 * jar and as source-file programs with no build. What the page shows first is captured here.
 */
class MinimalIT {

    @TempDir
    Path dir;

    @Test
    void eachFileStandsAloneAndIsShort() throws Exception {
        SmallestProgram.check(SmallestProgram.sources("uds.pathsocket"), dir);
    }

    @Test
    void fromTheJarWithDefaultsTheClientGetsItsLineBack() throws Exception {
        Transcript transcript = new Transcript();
        try (ServerProcess server = transcript.startIn(dir, JarUnderTest.get().command("minimal-server"), "listening on")) {
            Commands.Result client = transcript.recordIn(dir, JarUnderTest.get().command("minimal-client"));
            assertEquals(new Commands.Result(0, "hello\n", ""), client);
            transcript.serverSays(server, "received: hello");
            Commands.Result again = transcript.recordIn(dir, JarUnderTest.get().command("minimal-client", "echo.sock",
                    "grüß dich"));
            assertEquals(new Commands.Result(0, "grüß dich\n", ""), again);
            transcript.serverSays(server, "received: grüß dich");
            assertEquals(143, server.terminate(), "SIGTERM ends it");
        }
        assertFalse(Files.exists(dir.resolve("echo.sock")), "its shutdown hook removed the file");
        transcript.write("minimal");
    }

    @Test
    void asSourceFilesWithNoBuild() throws Exception {
        Path server = SmallestProgram.source("uds.pathsocket", "MinimalEchoServer");
        Path client = SmallestProgram.source("uds.pathsocket", "MinimalEchoClient");
        try (ServerProcess running = ServerProcess.start(SmallestProgram.sourceLaunch(server), dir)) {
            running.await("listening on echo.sock");
            Commands.Result reply = Commands.runWithPid(SmallestProgram.sourceLaunch(client, "echo.sock",
                    "from source"), "", dir).result();
            assertEquals(new Commands.Result(0, "from source\n", ""), reply);
        }
    }
}
