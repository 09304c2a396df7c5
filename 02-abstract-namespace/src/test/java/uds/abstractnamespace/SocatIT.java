package uds.abstractnamespace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/** socat speaks the abstract namespace too: ABSTRACT-CONNECT adds the NUL for us. */
class SocatIT {

    private static boolean socatInstalled() {
        return Files.isExecutable(Path.of("/usr/bin/socat")) || Files.isExecutable(Path.of("/bin/socat"));
    }

    @Test
    void socatTalksToTheServer() throws Exception {
        Cli transcript = new Cli();
        if (!socatInstalled()) {
            transcript.note("(Not captured: socat is not installed. apt-get install socat, then ./mvnw verify.)");
            transcript.write("socat");
        }
        assumeTrue(socatInstalled(), "socat is not installed (apt-get install socat)");
        String name = "uds-socat-" + ProcessHandle.current().pid();
        try (ServerProcess server = ServerProcess.start(Cli.jar().command("server", "--name", name))) {
            server.await("listening on");
            Cli.Result result = transcript.record(List.of("socat", "-", "ABSTRACT-CONNECT:" + name), "hello from socat\n");
            assertEquals(new Cli.Result(0, "hello from socat\n", ""), result);
        }
        transcript.write("socat");
    }
}
