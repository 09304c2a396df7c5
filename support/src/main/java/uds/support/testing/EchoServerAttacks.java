package uds.support.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import uds.support.ServerProcess;

/**
 * The attacks that the echo servers of lessons 01 (a socket file, mode 0666) and 02 (an abstract
 * name, open to all by nature) must both withstand, since both serve through
 * {@link uds.support.AcceptLoop} and {@link uds.support.EchoConnection}: each lesson's
 * {@code AttackIT} extends this class and says how to start its server. Each attack ends in a
 * refusal or a bounded cost, and an honest client is served afterwards.
 */
public abstract class EchoServerAttacks extends AttackTests {

    /** The server's command line, with these limit options added. */
    protected abstract List<String> serverWith(List<String> limits);

    /** The address as the hostile peer writes it: a path, or {@code @name}. */
    protected abstract String target();

    /** Root's own client, sending the one message "still there?". */
    protected abstract List<String> honestClient();

    private void honestClientIsServed() throws IOException, InterruptedException {
        Commands.Result reply = scene.run(honestClient());
        assertEquals("still there?\n", reply.stdout(), reply.stderr());
    }

    // tag::hold[]
    @Test
    @Order(1)
    @RequiresRoot(AttackScene.WHY)
    void holdingConnectionsOpenCostsAtMostTheCap() throws Exception {
        scene.title("Hold hundreds of connections open (with no share per user below the cap)");
        try (ServerProcess server = scene.server(serverWith(List.of("--max-connections", "100", "--max-per-user", "1000")),
                "listening on")) {
            ProcessFigures before = scene.figures("before", server);
            // The attacker reports once all but 100 are answered; it holds them 3 s longer.
            ServerProcess attack = scene.attackInBackground("hold", target(), "600", "3", "100");
            String held = scene.attackerSays(attack, "held open");
            ProcessFigures during = scene.figures("while held", server);
            scene.finished(attack);
            assertTrue(held.contains("opened 600 of 600 connections"), held);
            assertTrue(held.contains("100 held open; 500 answered 'error: server busy, try again later\\n'"), held);
            // Only connections make sockets (the JVM's own files come and go): one per held one.
            // A few more may be in the accept loop's hands for a moment, accepted and being refused;
            // without the cap there would be 600.
            assertTrue(during.sockets() <= before.sockets() + 100 + 5, "the cap bounds the sockets: " + during);
            scene.serverSays(server, "all 100 in use");
            honestClientIsServed();
            // The log: one line for the first refusal (read above), then a count per window of 5 s.
            List<String> rest = ThrottledOutput.accountFor(server, 499, line -> line.startsWith("refusing connections"),
                    "refusals while full");
            rest.forEach(line -> scene.note("server: " + line));
            assertTrue(1 + rest.size() <= 4, "500 refusals in at most 4 lines, not 500: " + rest);
        }
    }
    // end::hold[]

    // tag::share[]
    /**
     * One user takes every slot and trickles a byte on each just before the idle timeout would
     * strike. Both defences show: the user gets only a share of the slots (8 / 4 = 2), so the
     * honest client is served during the attack; and a line is due within the idle timeout of the
     * last, so the trickled connections end after 3 s however often a byte comes.
     */
    @Test
    @Order(6)
    @RequiresRoot(AttackScene.WHY)
    void oneUserTricklingOnEverySlotLocksNoOneOut() throws Exception {
        scene.title("Take every slot and send a byte a second on each, never a newline");
        try (ServerProcess server = scene.server(serverWith(List.of("--max-connections", "8", "--idle-timeout", "3")),
                "listening on")) {
            ServerProcess attack = scene.attackInBackground("hold-trickle", target(), "8", "1", "15");
            scene.serverSays(server, "refusing uid");
            honestClientIsServed(); // while the attack goes on
            String trickled = scene.finished(attack);
            assertTrue(trickled.contains("on 8 connections for up to 15 s: 0 still open"), trickled);
            assertTrue(trickled.contains("6 answered 'error: server busy, try again later\\n'"), trickled);
            assertTrue(trickled.contains("2 answered 'error: no complete line within 3 s; closing\\n' after"), trickled);
            scene.serverSays(server, "closed: no complete line within 3 s");
        }
    }
    // end::share[]

    // tag::descriptors[]
    /**
     * The server may open 256 descriptors (prlimit), and the cap is set higher than that: the
     * attacker's connections use up the descriptors, accept fails with EMFILE, and the server
     * backs off and waits, instead of exiting as it once did.
     */
    @Test
    @Order(2)
    @RequiresRoot(AttackScene.WHY)
    void runningOutOfDescriptorsNeverStopsTheServer() throws Exception {
        scene.title("Use up the server's descriptors (it may open 256; the cap is set to 1000)");
        List<String> command = new ArrayList<>(List.of("prlimit", "--nofile=256", "--"));
        command.addAll(serverWith(List.of("--max-connections", "1000")));
        try (ServerProcess server = scene.server(command, "listening on")) {
            ServerProcess attack = scene.attackInBackground("hold", target(), "300", "3");
            scene.serverSays(server, "accept failed");
            String held = scene.finished(attack);
            assertTrue(held.contains("connects failed"), held);
            scene.serverSays(server, "accept works again");
            honestClientIsServed();
        }
    }
    // end::descriptors[]

    @Test
    @Order(3)
    @RequiresRoot(AttackScene.WHY)
    void aSilentConnectionIsClosedAfterTheIdleTimeout() throws Exception {
        scene.title("Connect and say nothing");
        try (ServerProcess server = scene.server(serverWith(List.of("--idle-timeout", "2")), "listening on")) {
            Commands.Result silent = scene.attack("silent", target());
            assertTrue(silent.stdout().contains("the server answered 'error: idle for 2 s; closing\\n' after"),
                    silent.stdout());
            scene.serverSays(server, "closed: idle for 2 s");
        }
    }

    // tag::line[]
    @Test
    @Order(4)
    @RequiresRoot(AttackScene.WHY)
    void aLineWithNoEndIsRefusedAtTheCap() throws Exception {
        scene.title("Send 200 MB without a newline");
        try (ServerProcess server = scene.server(serverWith(List.of()), "listening on")) {
            ProcessFigures before = scene.figures("before", server);
            Commands.Result line = scene.attack("line", target(), "200000000");
            assertTrue(line.stdout().contains("'error: line longer than 65536 bytes; closing\\n'"), line.stdout());
            ProcessFigures after = scene.figures("after", server);
            assertTrue(after.residentKiB() - before.residentKiB() < 64 * 1024,
                    "memory stays bounded: " + before + " -> " + after);
            honestClientIsServed();
        }
    }
    // end::line[]

    @Test
    @Order(5)
    @RequiresRoot(AttackScene.WHY)
    void tenThousandConnectionAttemptsDoNotStopTheServer() throws Exception {
        scene.title("Connect and hang up 10,000 times");
        try (ServerProcess server = scene.server(serverWith(List.of()), "listening on")) {
            Commands.Result flood = scene.attack("flood", target(), "10000");
            assertTrue(flood.stdout().startsWith("10000 connection attempts: 10000 connected"), flood.stdout());
            scene.figures("after", server);
            honestClientIsServed();
        }
    }

    /**
     * Lines sent, echoes never read: once they fill the peer's queue, the server's write waits
     * for room. The reply's deadline (SO_SNDTIMEO, which junixsocket's setSoTimeout sets with
     * the read timeout) ends it.
     */
    @Test
    @Order(7)
    @RequiresRoot(AttackScene.WHY)
    void aPeerThatNeverReadsItsEchoesHoldsNoThread() throws Exception {
        scene.title("Send line after line and never read the echoes");
        try (ServerProcess server = scene.server(serverWith(List.of("--idle-timeout", "2")), "listening on")) {
            Commands.Result unread = scene.attack("unread-stream", target(), "x".repeat(1000), "100000", "4");
            assertTrue(unread.stdout().startsWith("sent "), unread.stdout());
            scene.serverSays(server, "closed: the peer took no reply for 2 s");
            honestClientIsServed();
        }
    }
}
