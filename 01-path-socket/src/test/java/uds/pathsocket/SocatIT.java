package uds.pathsocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uds.support.ServerProcess;
import uds.support.testing.Commands;
import uds.support.testing.JarUnderTest;
import uds.support.testing.Transcript;

/** Any AF_UNIX client speaks to the server: socat, the Swiss army knife of sockets. */
class SocatIT {

    @TempDir
    Path dir;

    private static boolean socatInstalled() {
        return Files.isExecutable(Path.of("/usr/bin/socat")) || Files.isExecutable(Path.of("/bin/socat"));
    }

    @Test
    void socatTalksToTheServer() throws Exception {
        Transcript transcript = new Transcript();
        if (!socatInstalled()) {
            transcript.note("(Not captured: socat is not installed. apt-get install socat, then ./mvnw verify.)");
            transcript.write("socat");
        }
        assumeTrue(socatInstalled(), "socat is not installed (apt-get install socat)");
        Path socket = dir.resolve("echo.sock");
        try (ServerProcess server = ServerProcess.start(JarUnderTest.get().command("server", "--socket", socket.toString()))) {
            server.await("listening on");
            Commands.Result result = transcript.record(List.of("socat", "-", "UNIX-CONNECT:" + socket),
                    "hello from socat\n");
            assertEquals(new Commands.Result(0, "hello from socat\n", ""), result);
        }
        transcript.write("socat");
    }
}
