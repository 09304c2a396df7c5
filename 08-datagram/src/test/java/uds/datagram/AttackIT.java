package uds.datagram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uds.support.ServerProcess;
import uds.support.ThisProcess;
import uds.support.UnixSocket;
import uds.support.UserDatabase;
import uds.support.testing.AttackScene;
import uds.support.testing.AttackTests;
import uds.support.testing.Commands;
import uds.support.testing.JarUnderTest;
import uds.support.testing.RequiresRoot;
import uds.support.testing.Users;

/**
 * What a hostile local sender can try against the log service, and what stops it. The first
 * four run the service as root and the attacker as nobody, as /dev/log is run.
 */
class AttackIT extends AttackTests {

    @TempDir
    Path dir;

    private static int services;

    /** A socket of its own for each test, in a directory every user may write to, as /tmp. */
    private static String socket() {
        return scene.shared().resolve("log-" + (++services) + ".sock").toString();
    }

    private static ServerProcess service(String socket) throws Exception {
        return scene.server(JarUnderTest.get().command("server", "--socket", socket), "receiving on");
    }

    private static String nobody() {
        return "uid=" + UserDatabase.userLabel(Users.nobody().uid()) + " gid=" + UserDatabase.groupLabel(Users.nobody().gid());
    }

    // tag::claim[]
    /** A syslog header naming root, a newline, a made-up log line: quoted, after the kernel's uid. */
    @Test
    @Order(1)
    @RequiresRoot(AttackScene.WHY)
    void aLineThatClaimsToBeRootIsLoggedAsNobodys() throws Exception {
        scene.title("Claim to be root: a syslog header, a newline and a made-up log line");
        String socket = socket();
        try (ServerProcess service = service(socket)) {
            scene.attack("datagram", socket,
                    "<10>Dec  5 03:00:00 sshd[1]: root login\nfrom pid=1 uid=0(root) gid=0(root): ok");
            List<String> lines = scene.serverSays(service, "root login");
            assertTrue(lines.getLast().matches("from pid=\\d+ " + Pattern.quote(nobody()
                    + ": \"<10>Dec  5 03:00:00 sshd[1]: root login\\nfrom pid=1 uid=0(root) gid=0(root): ok\"")),
                    lines.getLast());
            assertFalse(lines.stream().anyMatch(line -> line.startsWith("from pid=1 ")), "forged: " + lines);
        }
    }
    // end::claim[]

    // tag::descriptors[]
    /** Descriptors nobody asked for arrive open: closed, or any user fills the service's table. */
    @Test
    @Order(2)
    @RequiresRoot(AttackScene.WHY)
    void descriptorsSentUnaskedAreClosed() throws Exception {
        scene.title("Attach 30 open descriptors to each of 20 datagrams");
        String socket = socket();
        try (ServerProcess service = service(socket)) {
            scene.attack("datagrams", socket, "with descriptors", "30", "20");
            scene.serverSays(service, "note: closed 30 descriptors");
            // One service, one queue: once root's line is logged, all 20 before it were handled.
            scene.run(JarUnderTest.get().command("client", "--socket", socket,
                    "after the descriptors"));
            scene.serverSays(service, "after the descriptors");
            assertEquals(0, scene.descriptorsFromAttacker(service), "600 descriptors came, none stayed");
        }
    }
    // end::descriptors[]

    // tag::flood[]
    /**
     * One queue for every sender: a flood makes everyone wait for room. The kernel bounds the
     * queue; the service drains it as fast as it can and counts a flooder's lines instead of
     * writing them, so root's lines are written in full, and answered, while the flood runs.
     */
    @Test
    @Order(3)
    @RequiresRoot(AttackScene.WHY)
    void aFloodDoesNotStopRootsLines() throws Exception {
        scene.title("Flood the service for 8 s while root logs three lines");
        String socket = socket();
        try (ServerProcess service = service(socket)) {
            ServerProcess flood = scene.attackInBackground("datagram-flood", socket, "8", "1000");
            scene.serverSays(service, "from pid="); // the flood has begun
            long start = System.nanoTime();
            Commands.Result root = scene.run(JarUnderTest.get().command("client", "--socket", socket,
                    "--reply", "root: one", "root: two", "root: three"));
            long took = (System.nanoTime() - start) / 1_000_000;
            assertTrue(ProcessHandle.of(flood.pid()).map(ProcessHandle::isAlive).orElse(false),
                    "the flood outlasted root's client");
            scene.note("(root's client, JVM start included, took " + took + " ms; the flood went on)");
            assertEquals(0, root.exit(), root.stderr());
            assertTrue(root.stdout().matches("(OK \\d+\n){3}"), root.stdout());
            List<String> logged = scene.serverSays(service, "root: three");
            for (String text : List.of("root: one", "root: two", "root: three")) {
                String line = "from pid=\\d+ uid=0\\(root\\) gid=0\\(root\\): " + Pattern.quote("\"" + text + "\"");
                assertTrue(logged.stream().anyMatch(l -> l.matches(line)), text + " written in full");
            }
            assertTrue(scene.finished(flood).matches("sent \\d+ datagrams of 1000 bytes in 8 s"));
            String nobody = UserDatabase.userLabel(Users.nobody().uid());
            String counted = scene.serverSays(service, "more lines from uid " + nobody).getLast();
            assertTrue(counted.matches("\\d+ more lines from uid .* in the last \\d+ s"), counted);
        }
    }
    // end::flood[]

    // tag::sizes[]
    /** An empty datagram is one, not an end of stream; one larger than the buffer is cut, not a crash. */
    @Test
    @Order(4)
    @RequiresRoot(AttackScene.WHY)
    void emptyAndOversizedDatagramsAreLoggedAndTheServiceGoesOn() throws Exception {
        scene.title("Send an empty datagram, then one of 100,000 bytes");
        String socket = socket();
        try (ServerProcess service = service(socket)) {
            scene.attack("datagram", socket, "");
            assertTrue(scene.serverSays(service, "\"\"").getLast().endsWith(nobody() + ": \"\""));
            assertEquals(new Commands.Result(0, "sent one datagram of 100000 bytes\n", ""),
                    scene.attack("big-datagram", socket, "100000"));
            assertEquals("note: the message was cut to " + UnixSocket.MAX_MESSAGE + " bytes (MSG_TRUNC)",
                    scene.serverSays(service, "MSG_TRUNC").getLast());
            Commands.Result root = scene.run(JarUnderTest.get().command("client", "--socket", socket,
                    "--reply", "still here?"));
            assertEquals(new Commands.Result(0, "OK 3\n", ""), root);
        }
    }
    // end::sizes[]

    // tag::deaf[]
    /**
     * A sender that binds an address, floods the service and never reads: every answer to it
     * would wait for room that never comes. The service answers without waiting, so an
     * honest client is still answered. (A blocking answer makes this test fail: the server
     * hangs in sendmsg once the flood's answers fill its send buffer.)
     */
    @Test
    @Order(5)
    void aSenderThatNeverReadsItsAnswersStopsNobody() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/python3")), "no /usr/bin/python3");
        try (ServerProcess server = ServerProcess.start(JarUnderTest.get().command("server", "--socket", "log.sock"), dir)) {
            server.await("receiving on");
            String deaf = """
                    import os, socket
                    s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
                    s.bind("\\0uds-deaf-%d" % os.getpid())
                    for i in range(1000):
                        s.sendto(b"never reading %d" % i, "log.sock")
                    print("sent 1000")
                    """;
            assertEquals(new Commands.Result(0, "sent 1000\n", ""),
                    Commands.runWithPid(List.of("/usr/bin/python3", "-c", deaf), "", dir).result());
            Commands.Result honest = Commands.runWithPid(JarUnderTest.get().command(
                    "client", "--socket", "log.sock", "--reply", "still there?"), "", dir).result();
            assertEquals(new Commands.Result(0, "OK 1001\n", ""), honest);
            // 1000 lines from one sender: the first in full, the rest counted.
            assertTrue(server.await("more lines from uid").getLast().matches(
                    "\\d+ more lines from uid \\d+\\(.*\\) in the last \\d+ s"), "the flood is counted, not logged");
        }
    }
    // end::deaf[]

    // tag::link[]
    /** A link planted where the log will be: refused at start, not followed. */
    @Test
    @Order(6)
    void aLinkPlantedAtTheLogPathIsRefused() throws Exception {
        Path elsewhere = Files.writeString(dir.resolve("elsewhere.txt"), "not a log\n");
        Path log = Files.createSymbolicLink(dir.resolve("service.log"), elsewhere);
        Commands.Result result = Commands.run(JarUnderTest.get().command(
                "server", "--socket", dir.resolve("log.sock").toString(), "--log", log.toString()));
        assertEquals(1, result.exit());
        assertEquals("error: " + log + " is a symbolic link of uid " + ThisProcess.uid() + " with 1 link: refusing to"
                + " log into it; the log must be a regular file of this user's with one link\n", result.stderr());
        assertEquals("not a log\n", Files.readString(elsewhere));
        assertTrue(Files.notExists(dir.resolve("log.sock")), "nothing bound");
    }
    // end::link[]
}
