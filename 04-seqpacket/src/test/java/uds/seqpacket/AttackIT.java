package uds.seqpacket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import uds.support.LessonJar;
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
 * "What an attacker can try" against lesson 04's privileged update server: root runs it, www-data
 * may send requests, and the user nobody, who may not, tries everything else: files planted in a
 * shared directory, a squatted socket, connections held open, a refusal stretched out.
 */
class AttackIT extends AttackTests {

    private static LessonJar readableJar;
    private static Path rootsDir;

    /** After AttackTests opened the scene. */
    @BeforeAll
    static void prepare() throws IOException {
        if (scene == null) {
            return; // not root: the tests are skipped
        }
        readableJar = JarUnderTest.get().readableCopy(scene.shared());
        // The configuration's own directory: root's, mode 0755, inside the shared one.
        rootsDir = Files.createDirectory(scene.shared().resolve("etc"));
        Files.setPosixFilePermissions(rootsDir, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private static List<String> server(Path config, String... more) {
        List<String> arguments = new ArrayList<>(List.of("server", "--socket", socket().toString(),
                "--config", config.toString(), "--allow-user", Users.wwwData().name()));
        arguments.addAll(List.of(more));
        return JarUnderTest.get().command(arguments.toArray(String[]::new));
    }

    private static Path socket() {
        return scene.shared().resolve("update.sock");
    }

    /** www-data's client, as the web application would run it. */
    private static Commands.Result wwwData(String... requests) throws IOException, InterruptedException {
        List<String> arguments = new ArrayList<>(List.of("client", "--socket", socket().toString(), "--expect-user", "root"));
        arguments.addAll(List.of(requests));
        return scene.run(Users.wwwData().command(readableJar.command(arguments.toArray(String[]::new))));
    }

    // tag::planted[]
    @Test
    @Order(1)
    @RequiresRoot(AttackScene.WHY)
    void filesPlantedInASharedDirectoryAreRefusedAtStartUp() throws Exception {
        scene.title("Plant the configuration in a shared directory, as a file and as a symlink");
        Path victim = Files.writeString(rootsDir.resolve("shadow"), "root:secret\n");
        Files.setPosixFilePermissions(victim, PosixFilePermissions.fromString("rw-------"));
        Path planted = scene.shared().resolve("settings.conf");
        Path link = scene.shared().resolve("linked.conf");
        scene.asAttacker("sh", "-c", "echo admin=yes > " + planted + " && chmod 666 " + planted);
        scene.asAttacker("ln", "-s", victim.toString(), link.toString());

        for (Path config : List.of(planted, link)) {
            Commands.Result start = scene.run(server(config));
            assertEquals(1, start.exit(), "refused: " + config);
            assertTrue(start.stderr().startsWith("error: directory " + scene.shared().toRealPath() + " has mode 1777"),
                    start.stderr());
        }
        assertEquals("root:secret\n", Files.readString(victim));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(victim)));
        assertEquals("admin=yes\n", Files.readString(planted), "the planter's file is left alone, and unused");
        assertFalse(Files.exists(socket()), "no server came up");
    }
    // end::planted[]

    // tag::squat[]
    @Test
    @Order(2)
    @RequiresRoot(AttackScene.WHY)
    void aSquatterOnTheSocketPathGetsNoRequestAndKeepsNoServerOut() throws Exception {
        scene.title("Bind the socket path before the server starts");
        ServerProcess squatter = scene.attackInBackground("squat-seqpacket", socket().toString(), "4");
        scene.attackerSays(squatter, "squatting");
        Commands.Result fooled = wwwData("SET password hunter2");
        assertEquals(1, fooled.exit());
        assertEquals("error: refusing to talk to " + socket() + ": its server runs as uid "
                + UserDatabase.userLabel(Users.nobody().uid()) + ", not uid 0(root); someone may be squatting the name\n",
                fooled.stderr());

        Commands.Result start = scene.run(server(rootsDir.resolve("settings.conf")));
        assertEquals(1, start.exit(), "the real server does not take the path from a live listener");
        assertTrue(start.stderr().startsWith("error: refusing to remove " + socket()), start.stderr());

        assertTrue(scene.finished(squatter).contains("captured 0 requests"));
    }
    // end::squat[]

    // tag::hold[]
    @Test
    @Order(3)
    @RequiresRoot(AttackScene.WHY)
    void refusedPeersHoldingConnectionsCostAtMostTheirShareAndTheDrainDeadline() throws Exception {
        scene.title("Hold hundreds of connections open as a user the server refuses");
        Path config = rootsDir.resolve("settings.conf");
        try (ServerProcess server = scene.server(server(config, "--max-connections", "100"), "listening on")) {
            ProcessFigures before = scene.figures("before", server);
            ServerProcess attack = scene.attackInBackground("hold-seqpacket", socket().toString(), "600", "4", "0");
            // A quarter of the 100 slots is nobody's share: the rest stay free for everyone else.
            scene.serverSays(server, "it holds all 25 of its connections (--max-per-user)");
            ProcessFigures during = scene.figures("while held", server);
            String held = scene.attackerSays(attack, "held open");
            assertEquals(new Commands.Result(0, "OK\n", ""), wwwData("SET colour green"), "served during the attack");
            scene.finished(attack);
            assertTrue(held.contains("opened 600 of 600 connections"), held);
            // Only connections make sockets (the JVM's own files come and go): at most one per slot
            // of nobody's share. A few more may be in the accept loop's hands for a moment,
            // accepted and being refused; without the share there would be 100, without the cap 600.
            assertTrue(during.sockets() <= before.sockets() + 25 + 5, "the share bounds the sockets: " + during);
            // Refused within 2 s each, so the share frees up while the attacker still holds its end.
            assertTrue(held.contains("answered 'ERR not authorized'"), held);
        }
        assertEquals(List.of("colour=green"), Files.readAllLines(config));
    }
    // end::hold[]

    @Test
    @Order(4)
    @RequiresRoot(AttackScene.WHY)
    void aRefusedPeerThatTricklesBytesIsCutOffAtTheDrainDeadline() throws Exception {
        scene.title("Trickle one byte every 1.5 s after the refusal");
        try (ServerProcess server = scene.server(server(rootsDir.resolve("settings.conf")), "listening on")) {
            Commands.Result trickle = scene.attack("trickle", socket().toString(), "1.5", "10");
            assertTrue(trickle.stdout().startsWith("first reply 'ERR not authorized'; the server hung up after"),
                    trickle.stdout());
            scene.serverSays(server, "refused");
            assertEquals(new Commands.Result(0, "VALUE green\n", ""), wwwData("GET colour"));
        }
    }

    @Test
    @Order(5)
    @RequiresRoot(AttackScene.WHY)
    void tenThousandConnectionAttemptsDoNotStopTheServer() throws Exception {
        scene.title("Connect and hang up 10,000 times");
        try (ServerProcess server = scene.server(server(rootsDir.resolve("settings.conf")), "listening on")) {
            Commands.Result flood = scene.attack("flood-seqpacket", socket().toString(), "10000");
            assertTrue(flood.stdout().startsWith("10000 connection attempts: 10000 connected"), flood.stdout());
            scene.figures("after", server);
            assertEquals(new Commands.Result(0, "VALUE green\n", ""), wwwData("GET colour"));
        }
    }

    // tag::unread[]
    /**
     * An allowed client sends requests and never reads the replies: once they fill its queue,
     * the server's send waits for room, where no receive timeout applies. The send timeout
     * (the idle timeout) ends it; without it, the thread would wait for as long as the client
     * lives. nobody is allowed for this one.
     */
    @Test
    @Order(6)
    @RequiresRoot(AttackScene.WHY)
    void anAllowedClientThatNeverReadsItsRepliesHoldsNoThread() throws Exception {
        scene.title("As an allowed user, send requests and never read the replies");
        try (ServerProcess server = scene.server(server(rootsDir.resolve("settings.conf"), "--allow-user", "nobody",
                "--idle-timeout", "2"), "listening on")) {
            Commands.Result unread = scene.attack("unread", socket().toString(), "GET colour", "100000", "4");
            assertTrue(unread.stdout().startsWith("sent "), unread.stdout());
            scene.serverSays(server, "closed: the client took no reply for 2 s");
            assertEquals(new Commands.Result(0, "VALUE green\n", ""), wwwData("GET colour"));
        }
    }
    // end::unread[]

    // tag::handoff[]
    /**
     * SO_PEERCRED names the process that called connect, for as long as the connection lasts.
     * A root process that hands its connection to another user (SCM_RIGHTS, lesson 06) hands
     * over root's standing with it: nobody's SET is accepted, and logged as root's. No check
     * in the server can tell; only the one who connects can decide not to hand it on.
     */
    @Test
    @Order(7)
    @RequiresRoot(AttackScene.WHY)
    void aConnectionRootHandsOnSpeaksAsRoot() throws Exception {
        scene.title("A root process connects, then hands its connection to nobody");
        Path handoff = scene.shared().resolve("handoff.sock");
        try (ServerProcess server = scene.server(server(rootsDir.resolve("settings.conf"), "--allow-user", "root"),
                "listening on")) {
            ServerProcess taker = scene.attackInBackground("handoff-take", handoff.toString(), "SET colour red");
            scene.attackerSays(taker, "ready");
            Commands.Result giver = scene.peerAsRoot("handoff-give", socket().toString(), handoff.toString());
            assertEquals(0, giver.exit(), giver.stderr());
            String took = scene.finished(taker);
            assertTrue(took.contains("sent 'SET colour red' on a connection handed to me; the server answered 'OK'"), took);
            String admitted = scene.serverSays(server, "admitted").getLast();
            assertTrue(admitted.endsWith(": uid 0(root) admitted"), admitted);
        }
        assertEquals(List.of("colour=red"), Files.readAllLines(rootsDir.resolve("settings.conf")));
    }
    // end::handoff[]
}
