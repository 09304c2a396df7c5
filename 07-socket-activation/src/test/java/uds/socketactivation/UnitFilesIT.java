package uds.socketactivation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import uds.support.testing.Commands;

/** The .socket and .service units shipped for a real system, as systemd itself reads them. */
class UnitFilesIT {

    static final Path ANALYZE = Path.of("/usr/bin/systemd-analyze");
    static final Path UNITS = Path.of("src/main/systemd");

    // tag::verify[]
    @Test
    void systemdAcceptsTheUnitsWithoutAWord() throws Exception {
        assumeTrue(Files.isExecutable(ANALYZE), "no systemd-analyze (Debian: apt-get install systemd)");
        // systemd-analyze exits 0 on a bad SocketMode=, with a warning: no output is the test.
        Commands.Result verify = Commands.run(List.of(ANALYZE.toString(), "verify", "--man=no",
                UNITS.resolve("uds-echo.socket").toString(), UNITS.resolve("uds-echo.service").toString()));
        assertEquals(new Commands.Result(0, "", ""), verify);
    }
    // end::verify[]

    @Test
    void theSocketUnitSetsWhatActivationIsFor() throws Exception {
        List<String> socket = Files.readAllLines(UNITS.resolve("uds-echo.socket"));
        for (String setting : List.of("SocketMode=0660", "SocketUser=root", "SocketGroup=www-data", "PassCredentials=yes")) {
            assertTrue(socket.contains(setting), setting);
        }
        assertTrue(Files.readAllLines(UNITS.resolve("uds-echo.service")).stream()
                .anyMatch(line -> line.startsWith("ExecStart=") && line.endsWith("07-socket-activation.jar server")));
    }
}
