package uds.postgrespeer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.junit.jupiter.api.Test;

import uds.support.testing.Commands;
import uds.support.testing.RequiresRoot;
import uds.support.testing.SharedDirectory;
import uds.support.testing.Transcript;
import uds.support.testing.Users;

/**
 * What PostgreSQL does with the socket file, as lesson 01 teaches: a lock file beside it
 * naming the live server, the file's mode as the first gate, no second server on the same
 * socket.
 */
class SocketFilesIT {

    private static String mode(Path file) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS));
    }

    // tag::lock[]
    @Test
    void theLockFileBesideTheSocketNamesTheLiveServer() throws Exception {
        try (RunningPostgres postgres = RunningPostgres.start()) {
            Path socket = postgres.server.socket();
            Path lock = socket.resolveSibling(socket.getFileName() + ".lock");
            List<String> lines = Files.readAllLines(lock);
            long pid = Long.parseLong(lines.getFirst());
            ProcessHandle server = ProcessHandle.of(pid).orElseThrow(() -> new AssertionError("no process " + pid));
            assertTrue(server.info().command().orElse("").endsWith("/postgres"), server.info().toString());
            assertEquals(postgres.server.data().toString(), lines.get(1));
            assertEquals(List.of("rw-------", postgres.server.ownerName()), List.of(mode(lock),
                    Files.getOwner(lock, LinkOption.NOFOLLOW_LINKS).getName()));
            assertEquals("rwxrwxrwx", mode(socket)); // unix_socket_permissions' default, 0777
        }
    }
    // end::lock[]

    // tag::mode[]
    @Test
    @RequiresRoot("the caller runs as the user nobody, which needs root (setpriv)")
    void theSocketsModeIsTheFirstGate() throws Exception {
        Transcript transcript = new Transcript();
        try (RunningPostgres postgres = RunningPostgres.start(LocalPostgres.Settings.DEFAULT.withSocketPermissions("0770"))) {
            assertEquals("rwxrwx---", mode(postgres.server.socket()));
            long received = Files.readString(postgres.server.log()).lines().filter(line -> line.contains("connection received")).count();
            Commands.Result refused = postgres.record(transcript, Users.nobody().command(postgres.query("SELECT 1")));
            assertEquals(1, refused.exit(), refused.toString());
            assertTrue(refused.stderr().startsWith("error: permission denied connecting to "), refused.stderr());
            // The kernel refused the connect: PostgreSQL never heard of it.
            assertEquals(received, Files.readString(postgres.server.log()).lines()
                    .filter(line -> line.contains("connection received")).count());
        }
        transcript.write("mode");
    }
    // end::mode[]

    // tag::second[]
    @Test
    void aSecondServerDoesNotTakeALiveServersSocket() throws Exception {
        try (RunningPostgres first = RunningPostgres.start();
                SharedDirectory other = SharedDirectory.create("uds-postgres-")) {
            Path lock = first.server.socket().resolveSibling(first.server.socket().getFileName() + ".lock");
            String before = Files.readString(lock);
            assertThrows(IOException.class, () -> LocalPostgres.start(other.path().resolve("pg"),
                    LocalPostgres.Settings.DEFAULT.withSocketDirectory(first.server.socketDirectory())).close());
            assertEquals(before, Files.readString(lock));
            assertEquals(0, first.run(first.queryAsOwner("SELECT 1")).exit());
        }
    }
    // end::second[]
}
