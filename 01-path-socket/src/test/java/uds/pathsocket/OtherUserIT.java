package uds.pathsocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.MethodOrderer;

/**
 * Who may connect: a server run by root, a client run by the real user nobody (uid 65534).
 * connect() needs write permission on the socket file and search permission on each directory.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OtherUserIT {

    private static final Cli transcript = new Cli();

    private static LessonJar nobodysJar;
    private static Path openDir;

    private static final String NOT_ROOT =
            "connecting as another user needs root (setpriv): run the tests as root to see these";

    @BeforeAll
    static void prepareAsRoot() throws IOException {
        if (!Users.isRoot()) {
            transcript.note("(Not captured: the tests ran as uid " + PrivateDirectory.currentUid()
                    + ". Run ./mvnw verify as root to see a client run as nobody.)");
            transcript.write("other-user");
            return;
        }
        // Another user's JVM must read the jar and reach the socket: a world-searchable
        // directory in /tmp, not the test's private @TempDir.
        nobodysJar = Users.readableCopy(Cli.jar(), Path.of("/tmp"));
        openDir = Files.createTempDirectory(Path.of("/tmp"), "uds-open-");
        Files.setPosixFilePermissions(openDir, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    /** Each test is reported as skipped, with the reason, when not root. */
    @BeforeEach
    void onlyAsRoot() throws IOException {
        assumeTrue(Users.isRoot(), NOT_ROOT);
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
    private static Cli.Result nobodyConnects(Path socket, String mode) throws Exception {
        try (ServerProcess server = ServerProcess.start(
                Cli.jar().command("server", "--socket", socket.toString(), "--mode", mode))) {
            transcript.note("");
            transcript.note("# as root: " + Cli.shown(Cli.jar().command("server", "--socket", socket.toString(), "--mode", mode)) + " &");
            server.await("listening on").forEach(line -> transcript.note(line));
            return transcript.record(Users.as(Users.NOBODY_UID, Users.NOGROUP_GID,
                    nobodysJar.command("client", "--socket", socket.toString(), "hello from nobody")), "");
        }
    }

    // tag::other-user[]
    @Test
    @org.junit.jupiter.api.Order(1)
    void mode0600KeepsOtherUsersOut() throws Exception {
        Cli.Result result = nobodyConnects(openDir.resolve("private.sock"), "0600");
        assertEquals(1, result.exit());
        assertEquals("error: permission denied connecting to " + openDir.resolve("private.sock")
                + ": connect needs write permission on the socket file and search (x) permission"
                + " on every directory above it\n", result.stderr());
    }

    @Test
    @org.junit.jupiter.api.Order(2)
    void mode0666LetsEveryoneIn() throws Exception {
        Cli.Result result = nobodyConnects(openDir.resolve("open.sock"), "0666");
        assertEquals(new Cli.Result(0, "hello from nobody\n", ""), result);
    }

    @Test
    @org.junit.jupiter.api.Order(3)
    void aPrivateDirectoryKeepsOthersOutWhateverTheSocketsMode() throws Exception {
        Path privateDir = Files.createDirectory(openDir.resolve("private"));
        Files.setPosixFilePermissions(privateDir, PosixFilePermissions.fromString("rwx------"));
        Cli.Result result = nobodyConnects(privateDir.resolve("open.sock"), "0666");
        assertEquals(1, result.exit());
        assertEquals("error: permission denied connecting to " + privateDir.resolve("open.sock")
                + ": connect needs write permission on the socket file and search (x) permission"
                + " on every directory above it\n", result.stderr());
    }
    // end::other-user[]
}
