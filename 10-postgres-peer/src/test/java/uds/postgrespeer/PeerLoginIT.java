package uds.postgrespeer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import uds.support.OtherUser;
import uds.support.testing.Commands;
import uds.support.testing.RequiresRoot;
import uds.support.testing.Transcript;
import uds.support.testing.Users;

/**
 * Peer authentication against a real PostgreSQL: no password anywhere, the kernel's word for
 * who connects; a role claimed by another OS user refused in one line; an ident map.
 */
class PeerLoginIT {

    private static RunningPostgres postgres;

    @BeforeAll
    static void start() throws Exception {
        postgres = RunningPostgres.start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (postgres != null) {
            postgres.close();
        }
    }

    private static String log() throws Exception {
        return Files.readString(postgres.server.log());
    }

    // tag::owner[]
    @Test
    void theServersOwnUserLogsInAsItsRoleWithNoPassword() throws Exception {
        Transcript transcript = new Transcript();
        String owner = postgres.server.ownerName();
        assertEquals(new Commands.Result(0, "current_user | session_user\n" + owner + " | " + owner + "\n(1 row)\n", ""),
                postgres.record(transcript, postgres.queryAsOwner("SELECT current_user, session_user")));
        transcript.write("owner");
    }
    // end::owner[]

    // tag::claim[]
    @Test
    @RequiresRoot("the caller runs as the user nobody, which needs root (setpriv)")
    void nobodyIsNobodyWhateverRoleItClaims() throws Exception {
        OtherUser nobody = Users.nobody();
        Transcript transcript = new Transcript();
        assertEquals(new Commands.Result(0, "current_user | count\nnobody | 10000\n(1 row)\n", ""),
                postgres.record(transcript, nobody.command(postgres.query("SELECT current_user, count(*) FROM notes"))));
        long before = log().lines().filter(line -> line.contains("Peer authentication failed")).count();
        Commands.Result claim = postgres.record(transcript, nobody.command(postgres.query("--user", "postgres", "SELECT 1")));
        assertEquals(1, claim.exit(), claim.toString());
        assertEquals("", claim.stdout());
        assertEquals(1, claim.stderr().lines().count(), claim.stderr());
        assertTrue(claim.stderr().startsWith("error: PostgreSQL refused role postgres: ")
                && claim.stderr().contains("nobody (uid " + nobody.uid() + ")"), claim.stderr());
        // sslmode=disable: one attempt. pgjdbc's default (prefer) tries again without SSL after a refusal.
        assertEquals(before + 1, log().lines().filter(line -> line.contains("Peer authentication failed")).count(), log());
        transcript.write("claim");
    }
    // end::claim[]

    // tag::map[]
    @Test
    @RequiresRoot("the caller runs as the user www-data, which needs root (setpriv)")
    void theMapLetsOneOsUserInAsAnotherRole() throws Exception {
        OtherUser wwwData = Users.wwwData();
        Transcript transcript = new Transcript();
        assertEquals(new Commands.Result(0, "current_user | session_user\nreader | reader\n(1 row)\n", ""),
                postgres.record(transcript, wwwData.command(postgres.query("--user", "reader", "SELECT current_user, session_user"))));
        // The map names www-data for reader only: nobody's role is not www-data's to take.
        Commands.Result other = postgres.record(transcript, wwwData.command(postgres.query("--user", "nobody", "SELECT 1")));
        assertEquals(1, other.exit(), other.toString());
        assertTrue(other.stderr().startsWith("error: PostgreSQL refused role nobody: "), other.stderr());
        // Nor may nobody use the map: it names www-data and the server's user, no one else.
        Commands.Result unmapped = postgres.run(Users.nobody().command(postgres.query("--user", "reader", "SELECT 1")));
        assertEquals(1, unmapped.exit(), unmapped.toString());
        transcript.write("map");
    }
    // end::map[]

    @Test
    void theServersOwnUserMayUseTheMapToo() throws Exception {
        assertEquals(new Commands.Result(0, "current_user\nreader\n(1 row)\n", ""),
                postgres.run(postgres.queryAsOwner("--user", "reader", "SELECT current_user")));
    }

    @Test
    void aRoleOfAnotherNameIsRefusedWithoutRoot() throws Exception {
        // As whoever runs the tests: a name that is not theirs, refused by the same comparison.
        String claimed = postgres.server.ownerName().equals("nobody") ? "postgres" : "nobody";
        Commands.Result claim = postgres.run(postgres.queryAsOwner("--user", claimed, "SELECT 1"));
        assertEquals(1, claim.exit(), claim.toString());
        assertTrue(claim.stderr().startsWith("error: PostgreSQL refused role " + claimed + ": "), claim.stderr());
    }

    @Test
    @RequiresRoot("root is the one user here with no role of its name (the server runs as postgres)")
    void anOsUserWithNoRoleOfItsNameIsToldSo() throws Exception {
        Commands.Result root = postgres.run(postgres.query("SELECT 1"));
        assertEquals(new Commands.Result(1, "", "error: PostgreSQL refused role root, this OS user's own name: the role"
                + " does not exist (CREATE ROLE root LOGIN) or pg_hba.conf lets no one in this way\n"), root);
    }

    // tag::saw[]
    @Test
    void theServerSawALocalSessionAndLoggedItsUser() throws Exception {
        Transcript transcript = new Transcript();
        String owner = postgres.server.ownerName();
        assertEquals(new Commands.Result(0, "usename | client_addr | client_port\n" + owner + " | NULL | -1\n(1 row)\n", ""),
                postgres.record(transcript, postgres.queryAsOwner(
                        "SELECT usename, client_addr, client_port FROM pg_stat_activity WHERE pid = pg_backend_pid()")));
        List<String> lines = log().lines().filter(line -> line.contains("connection ")).toList();
        assertTrue(lines.stream().anyMatch(line -> line.contains("connection received: host=[local]")), lines.toString());
        assertTrue(lines.stream().anyMatch(line -> line.contains("connection authorized: user=" + owner)), lines.toString());
        transcript.write("saw");
    }
    // end::saw[]

    @Test
    void rowsFromTheServerArePrintedEscaped() throws Exception {
        assertEquals(new Commands.Result(0, "?column?\nline one\\nline two \\x1b[31m\n(1 row)\n", ""),
                postgres.run(postgres.queryAsOwner("SELECT E'line one\\nline two \\x1b[31m'")));
    }
}
