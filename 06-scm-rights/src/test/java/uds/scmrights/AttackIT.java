package uds.scmrights;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import uds.support.ServerProcess;
import uds.support.UserDatabase;
import uds.support.testing.AttackScene;
import uds.support.testing.AttackTests;
import uds.support.testing.Commands;
import uds.support.testing.JarUnderTest;
import uds.support.testing.ProcessFigures;
import uds.support.testing.RequiresRoot;
import uds.support.testing.Users;

/**
 * "What an attacker can try" against lesson 06's opener, which runs as root and hands out
 * open files: the attacker is the user nobody, who may ask (it is on the list) and who owns
 * the directory the listed report lives in, as users own what they write to a shared place.
 */
class AttackIT extends AttackTests {

    private static int openers;

    /** A directory of nobody's in the shared (1777) directory, with a report nobody wrote. */
    private static Path reports() throws Exception {
        Path reports = scene.shared().resolve("reports-" + (++openers));
        scene.asAttacker("mkdir", reports.toString());
        scene.asAttacker("sh", "-c", "echo 'the report' > " + reports.resolve("today.txt"));
        return reports;
    }

    private static ServerProcess opener(Path socket, Path file, String... more) throws Exception {
        List<String> command = new ArrayList<>(JarUnderTest.get().command("server", "--socket", socket.toString(),
                "--allow-file", file.toString(), "--allow-user", "nobody"));
        command.addAll(List.of(more));
        return scene.server(command, "listening on");
    }

    private static Path rootSecret() throws Exception {
        Path secret = scene.shared().resolve("root-secret-" + openers + ".txt");
        Files.writeString(secret, "root only\n");
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-------"));
        return secret;
    }

    private static Commands.Result askAsAttacker(Path socket, Path file) throws Exception {
        return scene.asAttacker("/usr/bin/python3", peer().toString(), "client", socket.toString(), file.toString());
    }

    private static Path peer;

    private static Path peer() throws Exception {
        if (peer == null) {
            peer = Files.copy(Path.of(AttackIT.class.getResource("/peer.py").toURI()), scene.shared().resolve("peer.py"));
            Files.setPosixFilePermissions(peer, PosixFilePermissions.fromString("rw-r--r--"));
        }
        return peer;
    }

    // tag::symlink[]
    @Test
    @Order(1)
    @RequiresRoot(AttackScene.WHY)
    void swappingTheListedFileOrItsDirectoryForALinkGetsNothing() throws Exception {
        scene.title("Replace the listed file, then its directory, with a symbolic link to a root-only file");
        Path reports = reports();
        Path today = reports.resolve("today.txt");
        Path secret = rootSecret();
        Path socket = scene.shared().resolve("opener-" + openers + ".sock");
        try (ServerProcess opener = opener(socket, today)) {
            assertEquals(new Commands.Result(0, "the report\n", ""), askAsAttacker(socket, today), "the honest request");
            scene.asAttacker("ln", "-sf", secret.toString(), today.toString());
            Commands.Result viaLink = askAsAttacker(socket, today);
            assertEquals(1, viaLink.exit());
            assertEquals("error: ERR a symbolic link on the way: not followed\n", viaLink.stderr());
            scene.serverSays(opener, "symbolic link");

            Path elsewhere = scene.shared().resolve("elsewhere-" + openers);
            Files.createDirectory(elsewhere);
            Files.setPosixFilePermissions(elsewhere, PosixFilePermissions.fromString("rwx------"));
            Files.writeString(elsewhere.resolve("today.txt"), "root's other file\n");
            scene.asAttacker("mv", reports.toString(), reports + ".old");
            scene.asAttacker("ln", "-s", elsewhere.toString(), reports.toString());
            Commands.Result viaDirectory = askAsAttacker(socket, today);
            assertEquals("error: ERR a symbolic link on the way: not followed\n", viaDirectory.stderr());
            scene.serverSays(opener, "symbolic link");
        }
    }
    // end::symlink[]

    @Test
    @Order(2)
    @RequiresRoot(AttackScene.WHY)
    void aFifoAtTheListedPathHoldsUpNobody() throws Exception {
        scene.title("Replace the listed file with a FIFO nobody writes to");
        Path reports = reports();
        Path today = reports.resolve("today.txt");
        Path socket = scene.shared().resolve("opener-" + openers + ".sock");
        try (ServerProcess opener = opener(socket, today)) {
            scene.asAttacker("rm", today.toString());
            scene.asAttacker("mkfifo", today.toString());
            Commands.Result fifo = askAsAttacker(socket, today);
            assertEquals("error: ERR not a regular file but a FIFO\n", fifo.stderr());
            scene.serverSays(opener, "FIFO");
        }
    }

    // tag::flood[]
    @Test
    @Order(3)
    @RequiresRoot(AttackScene.WHY)
    void aThousandUnaskedDescriptorsLeaveTheOpenersTableAsItWas() throws Exception {
        scene.title("Attach 10 open descriptors to each of 100 messages");
        Path reports = reports();
        Path today = reports.resolve("today.txt");
        Path socket = scene.shared().resolve("opener-" + openers + ".sock");
        try (ServerProcess opener = opener(socket, today)) {
            askAsAttacker(socket, today);
            scene.serverSays(opener, "handed");
            scene.figures("before", opener);
            Commands.Result flood = scene.asAttacker("/usr/bin/python3", peer().toString(), "flood", socket.toString(),
                    "100", "10");
            assertEquals(0, flood.exit(), flood.stderr());
            scene.serverSays(opener, "refused");
            // peer.py sends descriptors of its own file, which nothing else here has open.
            long kept = ProcessFigures.descriptorsOn(opener.pid(), peer());
            scene.note("(the opener holds " + kept + " descriptors of peer.py)");
            assertEquals(0, kept, "descriptors the opener kept");
            scene.figures("after", opener);
        }
    }
    // end::flood[]

    @Test
    @Order(4)
    @RequiresRoot(AttackScene.WHY)
    void aSilentOrEndlessRequestCostsBoundedTimeAndMemory() throws Exception {
        scene.title("Say nothing; then start sending 200 MB without a newline");
        Path reports = reports();
        Path today = reports.resolve("today.txt");
        Path socket = scene.shared().resolve("opener-" + openers + ".sock");
        try (ServerProcess opener = opener(socket, today, "--idle-timeout", "2")) {
            Commands.Result silent = scene.attack("silent", socket.toString());
            assertTrue(silent.stdout().startsWith("sent nothing; the server answered end of stream after"), silent.stdout());
            scene.serverSays(opener, "idle for 2 s");
            Commands.Result line = scene.attack("line", socket.toString(), "200000000");
            assertTrue(line.stdout().contains("ERR request longer than 4096 bytes"), line.stdout());
            scene.serverSays(opener, "longer than 4096 bytes");
            ProcessFigures after = scene.figures("after", opener);
            assertTrue(after.residentKiB() < 400_000, "no 200 MB held: " + after);
            assertEquals(new Commands.Result(0, "the report\n", ""), askAsAttacker(socket, today), "still serving");
        }
    }

    // tag::hardlink[]
    /**
     * The listed file sits in a directory the attacker owns. With fs.protected_hardlinks off
     * (the default on many older and container systems), any user may hard-link a file they
     * cannot read: the listed name then names root's secret, no symbolic link anywhere.
     */
    @Test
    @Order(5)
    @RequiresRoot(AttackScene.WHY)
    void aHardLinkToARootOnlyFileIsRefused() throws Exception {
        scene.title("Replace the listed file with a hard link to a root-only file (fs.protected_hardlinks=0)");
        Path setting = Path.of("/proc/sys/fs/protected_hardlinks");
        assumeTrue(Files.isWritable(setting), "this machine does not let root change fs.protected_hardlinks");
        String before = Files.readString(setting).strip();
        Path reports = reports();
        Path today = reports.resolve("today.txt");
        Path secret = rootSecret();
        Path socket = scene.shared().resolve("opener-" + openers + ".sock");
        try (ServerProcess opener = opener(socket, today)) {
            scene.note("# as root: echo 0 > /proc/sys/fs/protected_hardlinks   (it was " + before + ")");
            Files.writeString(setting, "0");
            scene.asAttacker("ln", "-f", secret.toString(), today.toString());
            Commands.Result viaLink = askAsAttacker(socket, today);
            assertEquals(1, viaLink.exit(), viaLink.stdout());
            assertEquals("error: ERR the file has 2 hard links: another name for it may be anyone's\n", viaLink.stderr());
            scene.serverSays(opener, "hard links");
        } finally {
            Files.writeString(setting, before);
            scene.note("# as root: echo " + before + " > /proc/sys/fs/protected_hardlinks");
        }
    }
    // end::hardlink[]

    // tag::pipeline[]
    /**
     * Requests sent one after another, replies never read: each reply would carry an open
     * file, in flight at root's charge (root is exempt from the kernel's per-user limit), and
     * pinned until the attacker exits. The opener reads the next request only once the last
     * reply is taken: one descriptor in flight per connection, then the idle timeout.
     */
    @Test
    @Order(6)
    @RequiresRoot(AttackScene.WHY)
    void requestsPipelinedButNeverReadGetOneDescriptorInFlight() throws Exception {
        scene.title("Send 300 requests at once and read none of the replies");
        Path reports = reports();
        Path today = reports.resolve("today.txt");
        Path socket = scene.shared().resolve("opener-" + openers + ".sock");
        try (ServerProcess opener = opener(socket, today, "--idle-timeout", "2")) {
            ServerProcess attack = scene.asAttackerInBackground("/usr/bin/python3", peer().toString(), "pipeline",
                    socket.toString(), today.toString(), "300", "4");
            scene.serverSays(opener, "did not read its reply in 2 s");
            String pipelined = scene.finished(attack);
            // The attacker's sends stop once its socket's send buffer is full (a request costs far
            // more than its bytes there), or when the opener closes; either way, one reply came.
            assertTrue(pipelined.matches("sent \\d+ requests without reading for 4 s; then read 1 replies with 1 descriptors"),
                    pipelined);
            assertEquals(new Commands.Result(0, "the report\n", ""), askAsAttacker(socket, today), "still serving");
        }
    }
    // end::pipeline[]

    // tag::refusals[]
    /** A refused peer asks again at once, 20,000 times: three lines, then a count, per 5 s. */
    @Test
    @Order(7)
    @RequiresRoot(AttackScene.WHY)
    void aPeerRefusedTwentyThousandTimesCostsTheLogAFewLines() throws Exception {
        scene.title("Ask for a file not on the list 20,000 times, as fast as the replies come");
        Path reports = reports();
        Path today = reports.resolve("today.txt");
        Path socket = scene.shared().resolve("opener-" + openers + ".sock");
        Path other = reports.resolve("other.txt");
        try (ServerProcess opener = opener(socket, today)) {
            Commands.Result asked = scene.asAttacker("/usr/bin/python3", peer().toString(), "refused", socket.toString(),
                    other.toString(), "20000");
            assertEquals("asked 20000 times for " + other + "; refused 20000 times\n", asked.stdout(), asked.stderr());
            List<String> lines = scene.serverSays(opener, "more refusals from uid " + UserDatabase.userLabel(Users.nobody().uid()));
            long full = lines.stream().filter(line -> line.contains(": refused \"" + other + "\": not on the allow list")).count();
            assertTrue(full >= 3 && full <= 3 * 10, "three per window of 5 s: " + full);
            assertTrue(lines.getLast().matches("\\d+ more refusals from uid .* in the last \\d+ s"), lines.getLast());
        }
    }
    // end::refusals[]

    /**
     * One user takes every slot (8 / 4 = 2 are theirs) and keeps them with a byte a second;
     * root is served meanwhile, and the trickled requests end 3 s after they began.
     */
    @Test
    @Order(8)
    @RequiresRoot(AttackScene.WHY)
    void oneUserTricklingOnEverySlotLocksNoOneOut() throws Exception {
        scene.title("Take every slot and send a byte a second on each, never a newline");
        Path reports = reports();
        Path today = reports.resolve("today.txt");
        Path socket = scene.shared().resolve("opener-" + openers + ".sock");
        try (ServerProcess opener = opener(socket, today, "--allow-user", "root", "--max-connections", "8",
                "--idle-timeout", "3")) {
            ServerProcess attack = scene.attackInBackground("hold-trickle", socket.toString(), "8", "1", "15");
            scene.serverSays(opener, "refusing uid");
            Commands.Result root = scene.run(JarUnderTest.get().command("client", "--socket", socket.toString(), today.toString()));
            assertEquals(new Commands.Result(0, "the report\n", ""), root, "served during the attack");
            scene.serverSays(opener, "closed: no complete line within 3 s");
            String trickled = scene.finished(attack);
            assertTrue(trickled.contains("on 8 connections for up to 15 s: 0 still open;"), trickled);
        }
    }
}
