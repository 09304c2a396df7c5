package uds.postgrespeer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uds.support.testing.Commands;
import uds.support.testing.SmallestProgram;
import uds.support.testing.Transcript;

/** The smallest program (package minimal): it stands alone, and it logs in from the lesson's jar. */
class MinimalIT {

    @TempDir
    Path dir;

    @Test
    void theFileStandsAloneAndIsShort() throws Exception {
        // The server is PostgreSQL itself; pgjdbc is the client's only library besides junixsocket.
        SmallestProgram.checkClientOfRealServer(SmallestProgram.sources("uds.postgrespeer"), dir, "postgresql-");
    }

    @Test
    void itLogsInAsItsOsUsersRoleWithNoPassword() throws Exception {
        Transcript transcript = new Transcript();
        try (RunningPostgres postgres = RunningPostgres.start()) {
            Commands.Result login = postgres.record(transcript, postgres.asOwner(postgres.jar.command("minimal", "pg/socket")));
            assertEquals(0, login.exit(), login.toString());
            assertTrue(login.stdout().matches("logged in as role " + postgres.server.ownerName()
                    + " with no password, served by server process \\d+\n"), login.stdout());
        }
        transcript.write("minimal");
    }
}
