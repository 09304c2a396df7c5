package uds.scmrights;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import uds.support.LessonJar;
import uds.support.OtherUser;
import uds.support.ServerProcess;
import uds.support.ThisProcess;
import uds.support.UserDatabase;
import uds.support.testing.Commands;
import uds.support.testing.JarUnderTest;
import uds.support.testing.RequiresRoot;
import uds.support.testing.Transcript;
import uds.support.testing.Users;

/**
 * Real other users (root only): the opener runs as root, clients as nobody and www-data, and
 * the file is root's own, mode 0600.
 */
class OtherUserIT {

    private static final String CONTENT = "root's, mode 0600\nread by nobody through a descriptor\n";
    private static Path openDir;
    private static LessonJar readableJar;
    private static Path secret;
    private static Path peer;

    @BeforeAll
    static void prepare() throws Exception {
        if (!ThisProcess.isRoot()) {
            for (String name : List.of("other-users", "handoff")) {
                Transcript transcript = new Transcript();
                transcript.note("(Not captured: the tests ran as uid " + ThisProcess.uid()
                        + ". Run ./mvnw verify as root to see nobody and www-data as clients.)");
                transcript.write(name);
            }
            return;
        }
        openDir = Files.createTempDirectory(Path.of("/tmp"), "uds-scmrights-it-");
        Files.setPosixFilePermissions(openDir, PosixFilePermissions.fromString("rwxr-xr-x"));
        readableJar = JarUnderTest.get().readableCopy(openDir);
        secret = Files.writeString(openDir.resolve("secret.txt"), CONTENT);
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-------"));
        // Other users cannot read ~/.m2 or the checkout: the Python peer goes beside the jar.
        peer = Files.copy(Path.of(OtherUserIT.class.getResource("/peer.py").toURI()), openDir.resolve("peer.py"));
        Files.setPosixFilePermissions(peer, PosixFilePermissions.fromString("rw-r--r--"));
    }

    @AfterAll
    static void cleanUp() throws IOException {
        if (openDir != null) {
            try (Stream<Path> files = Files.walk(openDir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    private static ServerProcess opener(Path socket, String... allowUsers) throws Exception {
        List<String> args = new ArrayList<>(List.of("server", "--socket", socket.toString(), "--allow-file", secret.toString()));
        for (String user : allowUsers) {
            args.addAll(List.of("--allow-user", user));
        }
        ServerProcess opener = ServerProcess.start(JarUnderTest.get().command(args.toArray(String[]::new)));
        opener.await("listening on");
        return opener;
    }

    private static List<String> client(OtherUser user, Path socket, Path file) {
        return user.command(readableJar.command("client", "--socket", socket.toString(), file.toString()));
    }

    // tag::nobody[]
    @Test
    @RequiresRoot
    void nobodyCannotOpenTheFileButReadsItThroughTheDescriptor() throws Exception {
        Transcript transcript = new Transcript();
        Path socket = openDir.resolve("opener.sock");
        try (ServerProcess opener = opener(socket, "nobody")) {
            Commands.Result cat = transcript.record(Users.nobody().command(
                    List.of("env", "LC_ALL=C.UTF-8", "cat", secret.toString())));
            assertNotEquals(0, cat.exit(), "cat as nobody");
            assertEquals("", cat.stdout());

            Commands.Result client = transcript.record(client(Users.nobody(), socket, secret));
            assertEquals(new Commands.Result(0, CONTENT, ""), client);
            transcript.note("server: " + opener.await("handed").getLast());

            Commands.Result www = transcript.record(client(Users.wwwData(), socket, secret));
            assertEquals(new Commands.Result(1, "", "error: the server refused " + secret + ": this user may not ask\n"), www);
            transcript.note("server: " + opener.await("refused").getLast());

            Path other = Files.writeString(openDir.resolve("other.txt"), "world-readable, not listed\n");
            Commands.Result offList = transcript.record(client(Users.nobody(), socket, other));
            assertEquals(new Commands.Result(1, "", "error: the server refused " + other + ": not on the allow list\n"), offList);
        }
        transcript.write("other-users");
    }
    // end::nobody[]

    // tag::handoff[]
    @Test
    @RequiresRoot
    void wwwDataUsingAConnectionNobodyMadeIsServedAsNobody() throws Exception {
        Path python = PythonPeerIT.PYTHON;
        assumeTrue(Files.isExecutable(python), "/usr/bin/python3 is not installed");
        Transcript transcript = new Transcript();
        Path socket = openDir.resolve("handoff-opener.sock");
        Path takerDir = Files.createDirectory(openDir.resolve("www-data"));
        Files.setOwner(takerDir, takerDir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("www-data"));
        Path handoff = takerDir.resolve("handoff.sock");
        try (ServerProcess opener = opener(socket, "nobody");
             ServerProcess taker = ServerProcess.start(Users.wwwData().command(
                     List.of(python.toString(), peer.toString(), "handoff-take", handoff.toString(), secret.toString())))) {
            taker.await("ready");
            transcript.note("www-data waits on " + handoff + " (not allowed to ask the opener itself)");
            Commands.Result giver = transcript.record(Users.nobody().command(
                    List.of(python.toString(), peer.toString(), "handoff-give", socket.toString(), handoff.toString())));
            assertEquals(0, giver.exit(), giver.stderr());
            List<String> read = taker.await("read by nobody");
            assertEquals(CONTENT.lines().toList(), read, "what www-data printed");
            read.forEach(line -> transcript.note("www-data: " + line));
            String served = opener.await("handed").getLast();
            assertTrue(served.contains(" uid=" + UserDatabase.userLabel(Users.nobody().uid()) + ": handed"), served);
            transcript.note("server: " + served);
        }
        transcript.write("handoff");
    }
    // end::handoff[]
}
