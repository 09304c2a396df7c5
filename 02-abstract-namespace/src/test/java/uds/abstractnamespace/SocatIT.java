package uds.abstractnamespace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import uds.support.ServerProcess;
import uds.support.testing.Commands;
import uds.support.testing.JarUnderTest;
import uds.support.testing.Transcript;

/** socat speaks the abstract namespace too: ABSTRACT-CONNECT adds the NUL for us. */
class SocatIT {

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
        String name = "uds-socat-" + ProcessHandle.current().pid();
        try (ServerProcess server = ServerProcess.start(JarUnderTest.get().command("server", "--name", name))) {
            server.await("listening on");
            Commands.Result result = transcript.record(List.of("socat", "-", "ABSTRACT-CONNECT:" + name), "hello from socat\n");
            assertEquals(new Commands.Result(0, "hello from socat\n", ""), result);
        }
        transcript.write("socat");
    }
}
