package uds.scmcredentials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import uds.support.ServerProcess;
import uds.support.UserDatabase;
import uds.support.testing.AttackScene;
import uds.support.testing.AttackTests;
import uds.support.testing.Commands;
import uds.support.testing.JarUnderTest;
import uds.support.testing.RequiresRoot;
import uds.support.testing.ThrottledOutput;
import uds.support.testing.Users;

/**
 * "What an attacker can try" against lesson 05's receiver, which hears from every user on
 * purpose (its socket is mode 0666) and tells them apart by the credentials the kernel attaches.
 */
class AttackIT extends AttackTests {

    /** A socket of its own for each test: the one before was killed (kill -9) and left its file. */
    private static Path socket() {
        return scene.shared().resolve("receiver-" + (++receivers) + ".sock");
    }

    private static int receivers;

    private static String nobody() {
        return "uid=" + UserDatabase.userLabel(Users.nobody().uid()) + " gid=" + UserDatabase.groupLabel(Users.nobody().gid());
    }

    // tag::forge[]
    @Test
    @Order(1)
    @RequiresRoot(AttackScene.WHY)
    void aSenderCannotForgeALineOfTheReceiversOutput() throws Exception {
        scene.title("Send a newline and a made-up sender, and an escape sequence");
        Path socket = socket();
        try (ServerProcess receiver = scene.server(JarUnderTest.get().command("receiver", "--socket", socket.toString()),
                "receiving on")) {
            scene.attack("datagram", socket.toString(), "hello\nfrom pid=1 uid=0(root) gid=0(root): I am root\u001b[2J");
            List<String> lines = scene.serverSays(receiver, "I am root");
            String line = lines.getLast();
            assertTrue(line.startsWith("from pid="), line);
            assertTrue(line.contains(" " + nobody() + ": \"hello\\nfrom pid=1 uid=0(root) gid=0(root): I am root\\x1b[2J\""), line);
            assertFalse(lines.stream().anyMatch(l -> l.startsWith("from pid=1 ")), "no forged line: " + lines);
        }
    }
    // end::forge[]

    // tag::descriptors[]
    @Test
    @Order(2)
    @RequiresRoot(AttackScene.WHY)
    void descriptorsSentUnaskedAreClosedAndCannotPushTheCredentialsOut() throws Exception {
        scene.title("Attach 30 open descriptors to each of 100 datagrams");
        Path socket = socket();
        try (ServerProcess receiver = scene.server(JarUnderTest.get().command("receiver", "--socket", socket.toString()),
                "receiving on")) {
            scene.figures("before", receiver);
            scene.attack("datagrams", socket.toString(), "with descriptors", "30", "100");
            List<String> lines = scene.serverSays(receiver, "note: closed 30 descriptors");
            assertTrue(lines.get(lines.size() - 2).endsWith(" " + nobody() + ": \"with descriptors\""),
                    "the credentials survive: " + lines);
            // 20 messages of a sender in 5 s are printed, the rest counted: 100 in all.
            List<String> rest = ThrottledOutput.accountFor(receiver, 99, line -> line.startsWith("from "), "messages from ");
            scene.note("(then " + (rest.stream().filter(line -> line.startsWith("from ")).count())
                    + " more such pairs of lines, and: " + rest.getLast() + ")");
            scene.figures("after", receiver);
            assertEquals(0, scene.descriptorsFromAttacker(receiver), "3,000 descriptors came, none stayed");
        }
    }
    // end::descriptors[]

    @Test
    @Order(3)
    @RequiresRoot(AttackScene.WHY)
    void aSilentStreamSenderHoldsUpNoOtherSender() throws Exception {
        scene.title("Connect to a --stream receiver and say nothing");
        Path socket = socket();
        try (ServerProcess receiver = scene.server(JarUnderTest.get().command(
                "receiver", "--socket", socket.toString(), "--stream", "--idle-timeout", "3"), "receiving on")) {
            ServerProcess silent = scene.attackInBackground("stream-silent-then", socket.toString(), "6");
            scene.serverSays(receiver, "connected: SO_PEERCRED");
            Commands.Result honest = scene.run(JarUnderTest.get().command(
                    "sender", "--socket", socket.toString(), "--stream", "still there?"));
            assertEquals(0, honest.exit(), honest.stderr());
            scene.serverSays(receiver, "still there?");
            scene.serverSays(receiver, "disconnected: idle for 3 s");
            assertTrue(scene.finished(silent).contains("held a silent connection"));
        }
    }

    // tag::reorder[]
    /**
     * No control character at all: spaces push a made-up sender to where a reader expects the
     * next field, and U+202E (right-to-left override) makes a terminal show the rest backwards.
     * The text is quoted, so it cannot pass for the identity before it; the override is escaped.
     */
    @Test
    @Order(4)
    @RequiresRoot(AttackScene.WHY)
    void paddingAndFormatCharactersForgeNoSender() throws Exception {
        scene.title("Pad with spaces to a made-up sender, and reverse the line with U+202E");
        Path socket = socket();
        try (ServerProcess receiver = scene.server(JarUnderTest.get().command("receiver", "--socket", socket.toString()),
                "receiving on")) {
            scene.attack("datagram", socket.toString(), "x" + " ".repeat(40) + "from pid=1 uid=0(root): \u202etoor ma I");
            String line = scene.serverSays(receiver, "from pid=").getLast();
            assertTrue(line.contains(" " + nobody() + ": \"x" + " ".repeat(40) + "from pid=1 uid=0(root): \\u202etoor ma I\""),
                    line);
            assertFalse(line.contains("\u202e"), "the override itself never reaches the terminal");
        }
    }
    // end::reorder[]

    // tag::flood[]
    /** Any user may send as fast as the kernel lets them: 20 messages per sender per 5 s are printed, the rest counted. */
    @Test
    @Order(5)
    @RequiresRoot(AttackScene.WHY)
    void aSenderFloodingTheReceiverGetsALineCountNotAFullDisk() throws Exception {
        scene.title("Send 2,000 datagrams of 4,000 bytes as fast as possible");
        Path socket = socket();
        try (ServerProcess receiver = scene.server(JarUnderTest.get().command("receiver", "--socket", socket.toString()),
                "receiving on")) {
            Commands.Result flood = scene.attack("datagrams", socket.toString(), "y".repeat(4000), "0", "2000");
            assertEquals(0, flood.exit(), flood.stderr());
            List<String> lines = scene.serverSays(receiver, "more messages from uid " + UserDatabase.userLabel(Users.nobody().uid()));
            List<String> shown = lines.stream().filter(l -> l.startsWith("from pid=")).toList();
            assertEquals(Receiver.SHOWN_PER_WINDOW, shown.size(), "printed in full: " + lines.size() + " lines");
            assertTrue(shown.getFirst().endsWith("...\" (cut, 4000 characters)"), "each cut at 200 characters: " + shown.getFirst());
            assertTrue(lines.getLast().matches("\\d+ more messages from uid .* in the last \\d+ s"), lines.getLast());
        }
    }
    // end::flood[]

    /**
     * One user takes every slot of a --stream receiver (8 / 4 = 2 are theirs) and keeps them
     * with a byte a second; another user is served meanwhile.
     */
    @Test
    @Order(6)
    @RequiresRoot(AttackScene.WHY)
    void oneUserHoldingEveryStreamSlotLocksNoOneOut() throws Exception {
        scene.title("Take every slot of a --stream receiver and send a byte a second on each");
        Path socket = socket();
        try (ServerProcess receiver = scene.server(JarUnderTest.get().command("receiver", "--socket", socket.toString(),
                "--stream", "--max-connections", "8"), "receiving on")) {
            ServerProcess attack = scene.attackInBackground("hold-trickle", socket.toString(), "8", "1", "6");
            scene.serverSays(receiver, "refusing uid");
            Commands.Result honest = scene.run(JarUnderTest.get().command(
                    "sender", "--socket", socket.toString(), "--stream", "still there?"));
            assertEquals(0, honest.exit(), honest.stderr());
            scene.serverSays(receiver, "\"still there?\"");
            String trickled = scene.finished(attack);
            // The other 6 were closed at once: end of stream, or a reset where a byte was still unread.
            assertTrue(trickled.contains("on 8 connections for up to 6 s: 2 still open;"), trickled);
        }
    }
}
