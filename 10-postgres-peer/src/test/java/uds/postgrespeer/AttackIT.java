package uds.postgrespeer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import uds.support.ServerProcess;
import uds.support.testing.Commands;
import uds.support.testing.HostilePeer;
import uds.support.testing.RequiresRoot;
import uds.support.testing.SharedDirectory;
import uds.support.testing.Transcript;
import uds.support.testing.Users;

/**
 * A hostile local user (nobody) against PostgreSQL's socket directory: squatting it before the
 * server starts, and moving a live socket aside where the directory lets anyone. The lesson's
 * own directory (0755, the server's user's) lets them do neither.
 */
@RequiresRoot("the attacker runs as the user nobody, which needs root (setpriv)")
class AttackIT {

    /** A directory like /tmp: anyone may create files, only their owner remove them (sticky). */
    private static Path shared(SharedDirectory dir, String name, String mode) throws IOException {
        Path made = Files.createDirectory(dir.path().resolve(name));
        Files.setPosixFilePermissions(made, PosixFilePermissions.fromString("rwxrwxrwx"));
        if (mode.equals("sticky")) {
            Files.setAttribute(made, "unix:mode", 01777);
        }
        return made;
    }

    // tag::squat[]
    @Test
    void aFilePlantedInASharedDirectoryKeepsTheServerFromStarting() throws Exception {
        try (SharedDirectory dir = SharedDirectory.create("uds-postgres-");
                HostilePeer nobody = HostilePeer.as(Users.nobody())) {
            Path tmp = shared(dir, "tmp", "sticky");
            Path lock = tmp.resolve(".s.PGSQL.5432.lock");
            assertEquals(0, Commands.run(nobody.command("plant-file", lock.toString())).exit());
            String planted = Files.readString(lock);
            assertThrows(IOException.class, () -> LocalPostgres.start(dir.path().resolve("pg"),
                    LocalPostgres.Settings.DEFAULT.withSocketDirectory(tmp)).close());
            // PostgreSQL may not remove another user's file from a sticky directory, and does not start.
            assertEquals(planted, Files.readString(lock));
            assertEquals("nobody", Files.getOwner(lock, LinkOption.NOFOLLOW_LINKS).getName());
        }
    }

    @Test
    void aSocketSquattedInASharedDirectoryKeepsTheServerFromStarting() throws Exception {
        try (SharedDirectory dir = SharedDirectory.create("uds-postgres-");
                HostilePeer nobody = HostilePeer.as(Users.nobody())) {
            Path tmp = shared(dir, "tmp", "sticky");
            Path socket = tmp.resolve(".s.PGSQL.5432");
            try (ServerProcess squatter = ServerProcess.start(nobody.command("squat-stream", socket.toString(), "60"))) {
                squatter.await("squatting");
                assertThrows(IOException.class, () -> LocalPostgres.start(dir.path().resolve("pg"),
                        LocalPostgres.Settings.DEFAULT.withSocketDirectory(tmp)).close());
                assertEquals("nobody", Files.getOwner(socket, LinkOption.NOFOLLOW_LINKS).getName());
            }
        }
    }
    // end::squat[]

    @Test
    void theServersOwnDirectoryTakesNoFileFromAnyoneElse() throws Exception {
        try (RunningPostgres postgres = RunningPostgres.start();
                HostilePeer nobody = HostilePeer.as(Users.nobody())) {
            Path planted = postgres.server.socketDirectory().resolve(".s.PGSQL.5433.lock");
            assertNotEquals(0, Commands.run(nobody.command("plant-file", planted.toString())).exit());
            assertTrue(Files.notExists(planted, LinkOption.NOFOLLOW_LINKS));
        }
    }

    // tag::impostor[]
    @Test
    void inADirectoryAnyoneMayWriteAnImpostorTakesTheSocket() throws Exception {
        Transcript transcript = new Transcript();
        try (SharedDirectory dir = SharedDirectory.create("uds-postgres-");
                HostilePeer nobody = HostilePeer.as(Users.nobody())) {
            Path open = shared(dir, "open", "open");
            try (RunningPostgres postgres = RunningPostgres.start(LocalPostgres.Settings.DEFAULT.withSocketDirectory(open))) {
                String socket = postgres.server.socket().toString();
                transcript.note("$ " + nobody.shown("pg-impostor", socket, "60") + " &");
                try (ServerProcess impostor = ServerProcess.start(nobody.command("pg-impostor", socket, "60"))) {
                    impostor.await("impersonating").forEach(transcript::note);
                    Commands.Result fooled = postgres.record(transcript, postgres.queryAsOwner("SELECT current_user"));
                    assertEquals(1, fooled.exit(), fooled.toString());
                    assertTrue(fooled.stderr().startsWith("error: the server at " + socket + " asked role "
                            + postgres.server.ownerName() + " for a password, and this client has none"), fooled.stderr());
                    impostor.await("a client asked for role '" + postgres.server.ownerName() + "'").forEach(transcript::note);
                    impostor.await("it sent no password").forEach(transcript::note);
                    assertEquals(0, impostor.waitFor());
                }
                // The impostor put the real socket back: the same client gets the real server again.
                assertEquals(0, postgres.run(postgres.queryAsOwner("SELECT current_user")).exit());
            }
        }
        transcript.write("impostor");
    }

    /** The same impostor, and a client that has a password: pgjdbc sends it when asked for it in clear text. */
    @Test
    void aClientWithAPasswordHandsItToTheImpostor() throws Exception {
        try (SharedDirectory dir = SharedDirectory.create("uds-postgres-");
                HostilePeer nobody = HostilePeer.as(Users.nobody())) {
            Path open = shared(dir, "open", "open");
            try (RunningPostgres postgres = RunningPostgres.start(LocalPostgres.Settings.DEFAULT.withSocketDirectory(open))) {
                String socket = postgres.server.socket().toString();
                try (ServerProcess impostor = ServerProcess.start(nobody.command("pg-impostor", socket, "60"))) {
                    impostor.await("impersonating");
                    Properties login = new Properties();
                    login.setProperty("user", "app");
                    login.setProperty("password", "s3cret");
                    assertThrows(SQLException.class, () -> DriverManager.getConnection(
                            SocketJdbc.url(postgres.server.socket(), "postgres"), login).close());
                    impostor.await("it sent a password");
                }
            }
        }
    }
    // end::impostor[]

    @Test
    void theStickyBitKeepsALiveSocketWhereItIs() throws Exception {
        try (SharedDirectory dir = SharedDirectory.create("uds-postgres-");
                HostilePeer nobody = HostilePeer.as(Users.nobody())) {
            Path tmp = shared(dir, "tmp", "sticky");
            try (RunningPostgres postgres = RunningPostgres.start(LocalPostgres.Settings.DEFAULT.withSocketDirectory(tmp))) {
                Commands.Result moved = Commands.run(nobody.command("pg-impostor", postgres.server.socket().toString(), "5"));
                assertNotEquals(0, moved.exit(), moved.toString());
                assertEquals(0, postgres.run(postgres.queryAsOwner("SELECT current_user")).exit());
            }
        }
    }
}
