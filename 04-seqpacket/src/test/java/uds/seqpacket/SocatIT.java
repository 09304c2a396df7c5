package uds.seqpacket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uds.support.ServerProcess;
import uds.support.testing.Commands;
import uds.support.testing.JarUnderTest;

/** socat speaks SEQPACKET when told the socket type (5): one write of stdin is one request. */
class SocatIT {

    @TempDir
    Path dir;

    @Test
    void socatSendsARequestDatagram() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/socat")), "socat is not installed (apt-get install socat)");
        Path socket = dir.resolve("update.sock");
        Path config = dir.resolve("settings.conf");
        try (ServerProcess server = ServerProcess.start(JarUnderTest.get().command(
                "server", "--socket", socket.toString(), "--config", config.toString()))) {
            server.await("listening on");
            // No newline at the end: it would be part of the value, and refused.
            Commands.Result result = Commands.run(List.of("socat", "-", "UNIX-CONNECT:" + socket + ",type=5"), "SET colour blue");
            assertEquals(new Commands.Result(0, "OK", ""), result);
        }
        assertEquals(List.of("colour=blue"), Files.readAllLines(config));
    }
}
