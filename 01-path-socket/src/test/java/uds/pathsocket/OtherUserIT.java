package uds.pathsocket;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import uds.support.LessonJar;
import uds.support.ServerProcess;
import uds.support.ThisProcess;
import uds.support.testing.Commands;
import uds.support.testing.JarUnderTest;
import uds.support.testing.RequiresRoot;
import uds.support.testing.Transcript;
import uds.support.testing.Users;

/**
 * Who may connect: a server run by root, a client run by the real user nobody (uid 65534).
 * connect() needs write permission on the socket file and search permission on each directory.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OtherUserIT {

    private static final Transcript transcript = new Transcript();

    private static LessonJar nobodysJar;
    private static Path openDir;


    @BeforeAll
    static void prepareAsRoot() throws IOException {
        if (!ThisProcess.isRoot()) {
            transcript.note("(Not captured: the tests ran as uid " + ThisProcess.uid()
                    + ". Run ./mvnw verify as root to see a client run as nobody.)");
            transcript.write("other-user");
            return;
        }
        // Another user's JVM must read the jar and reach the socket: a world-searchable
        // directory in /tmp, not the test's private @TempDir.
        nobodysJar = JarUnderTest.get().readableCopy(Path.of("/tmp"));
        openDir = Files.createTempDirectory(Path.of("/tmp"), "uds-open-");
        Files.setPosixFilePermissions(openDir, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @AfterAll
    static void writeTranscript() throws IOException {
        if (openDir != null) {
            transcript.write("other-user");
            for (Path dir : List.of(openDir, nobodysJar.jar().getParent())) {
                try (Stream<Path> files = Files.walk(dir)) {
                    for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(p);
                    }
                }
            }
        }
    }

    /** Starts a root server on socket with the mode, runs a client as nobody, returns its result. */
    private static Commands.Result nobodyConnects(Path socket, String mode) throws Exception {
        try (ServerProcess server = ServerProcess.start(
                JarUnderTest.get().command("server", "--socket", socket.toString(), "--mode", mode))) {
            transcript.note("");
            transcript.note("# as root: " + Transcript.shown(JarUnderTest.get().command("server", "--socket", socket.toString(), "--mode", mode)) + " &");
            server.await("listening on").forEach(line -> transcript.note(line));
            return transcript.record(Users.nobody().command(
                    nobodysJar.command("client", "--socket", socket.toString(), "hello from nobody")));
        }
    }

    // tag::other-user[]
    @Test
    @RequiresRoot("connecting as another user (setpriv)")
    @org.junit.jupiter.api.Order(1)
    void mode0600KeepsOtherUsersOut() throws Exception {
        Commands.Result result = nobodyConnects(openDir.resolve("private.sock"), "0600");
        assertEquals(1, result.exit());
        assertEquals("error: permission denied connecting to " + openDir.resolve("private.sock")
                + ": connect needs write permission on the socket file and search (x) permission"
                + " on every directory above it\n", result.stderr());
    }

    @Test
    @RequiresRoot("connecting as another user (setpriv)")
    @org.junit.jupiter.api.Order(2)
    void mode0666LetsEveryoneIn() throws Exception {
        Commands.Result result = nobodyConnects(openDir.resolve("open.sock"), "0666");
        assertEquals(new Commands.Result(0, "hello from nobody\n", ""), result);
    }

    @Test
    @RequiresRoot("connecting as another user (setpriv)")
    @org.junit.jupiter.api.Order(3)
    void aPrivateDirectoryKeepsOthersOutWhateverTheSocketsMode() throws Exception {
        Path privateDir = Files.createDirectory(openDir.resolve("private"));
        Files.setPosixFilePermissions(privateDir, PosixFilePermissions.fromString("rwx------"));
        Commands.Result result = nobodyConnects(privateDir.resolve("open.sock"), "0666");
        assertEquals(1, result.exit());
        assertEquals("error: permission denied connecting to " + privateDir.resolve("open.sock")
                + ": connect needs write permission on the socket file and search (x) permission"
                + " on every directory above it\n", result.stderr());
    }
    // end::other-user[]
}
