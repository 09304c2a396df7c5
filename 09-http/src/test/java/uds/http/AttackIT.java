package uds.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
import uds.support.testing.RequiresRoot;
import uds.support.testing.Users;

/**
 * What a hostile local user can try against the agent, which any user may call (mode 0666),
 * and what bounds it: Jetty's settings, and a cap per user that Jetty cannot know of.
 */
class AttackIT extends AttackTests {

    private static int agents;

    private static String socket() {
        return scene.shared().resolve("agent-" + (++agents) + ".sock").toString();
    }

    private static ServerProcess agent(String socket) throws Exception {
        return scene.server(JarUnderTest.get().command("server", "--socket", socket), "serving HTTP on");
    }

    private static Commands.Result whoami(String socket) throws Exception {
        return scene.run(JarUnderTest.get().command("client", "--socket", socket, "GET", "/v1/whoami"));
    }

    /** Sends request as raw bytes, as root, and gives the answer's status line. */
    private static String statusLineFor(String socket, byte[] request) throws IOException {
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(Path.of(socket)));
            try {
                channel.write(ByteBuffer.wrap(request));
            } catch (IOException e) {
                // the server may answer and close before it has all of it: read what it said
            }
            ByteBuffer answer = ByteBuffer.allocate(4096);
            while (channel.read(answer) > 0 && answer.position() < answer.limit()) {
                if (new String(answer.array(), 0, answer.position(), StandardCharsets.ISO_8859_1).contains("\r\n")) {
                    break;
                }
            }
            String text = new String(answer.array(), 0, answer.position(), StandardCharsets.ISO_8859_1);
            return text.contains("\r\n") ? text.substring(0, text.indexOf("\r\n")) : text;
        }
    }

    // tag::hold[]
    /** Idle connections, twenty of them: a quarter of the server's are nobody's, the rest closed at once. */
    @Test
    @Order(1)
    @RequiresRoot(AttackScene.WHY)
    void oneUserHoldingConnectionsLocksNoOneOut() throws Exception {
        scene.title("Open 20 connections and say nothing on them");
        String socket = socket();
        try (ServerProcess agent = agent(socket)) {
            ServerProcess hold = scene.attackInBackground("hold", socket, "20", "0", "0");
            scene.serverSays(agent, "refusing uid " + UserDatabase.userLabel(Users.nobody().uid()));
            Commands.Result root = whoami(socket);
            assertEquals(0, root.exit(), root.stderr());
            // Those within the cap are closed by Jetty's idle timeout, however long they wait.
            String held = scene.finished(hold);
            assertEquals("opened 20 of 20 connections (0 connects failed); 0 held open; 20 answered end of stream",
                    held);
        }
    }
    // end::hold[]

    // tag::trickle[]
    /** Slowloris: a request line trickled a byte at a time keeps its connection, but only nobody's share. */
    @Test
    @Order(2)
    @RequiresRoot(AttackScene.WHY)
    void aRequestTrickledAByteAtATimeHoldsOnlyItsOwnShare() throws Exception {
        scene.title("Trickle a request line, a byte a second, on 20 connections");
        String socket = socket();
        try (ServerProcess agent = agent(socket)) {
            ServerProcess trickle = scene.attackInBackground("hold-trickle", socket, "20", "1", "6");
            scene.serverSays(agent, "refusing uid"); // nobody's share is taken
            Commands.Result root = whoami(socket);
            assertEquals(0, root.exit(), root.stderr());
            String told = scene.finished(trickle);
            // Jetty's idle timeout restarts with every byte: the cap is what bounds this.
            // Those over the cap were closed with a byte unread: the kernel resets them (RST).
            assertTrue(told.matches("trickled a byte every 1 s on 20 connections for up to 6 s: "
                    + AgentServer.MAX_PER_USER + " still open; 4 answered (end of stream|ConnectionResetError) after .*"),
                    told);
        }
    }
    // end::trickle[]

    // tag::limits[]
    /** A body larger than a note may be, and headers larger than 8 KiB: answered, never read. */
    @Test
    @Order(3)
    @RequiresRoot(AttackScene.WHY)
    void oversizedBodiesAndHeadersAreRefusedUnread() throws Exception {
        scene.title("A 100 MB body, 16 KiB of headers, a header with an escape sequence");
        String socket = socket();
        try (ServerProcess agent = agent(socket)) {
            String big = "PUT /v1/notes/big HTTP/1.1\r\nHost: x\r\nContent-Length: 100000000\r\n\r\n";
            String status = statusLineFor(socket, big.getBytes(StandardCharsets.US_ASCII));
            scene.note("(as root) PUT with Content-Length: 100000000 -> " + status);
            assertTrue(status.startsWith("HTTP/1.1 413 "), status);
            String headers = "GET /v1/whoami HTTP/1.1\r\nHost: x\r\nX-Padding: " + "p".repeat(16384) + "\r\n\r\n";
            status = statusLineFor(socket, headers.getBytes(StandardCharsets.US_ASCII));
            scene.note("(as root) GET with a 16 KiB header -> " + status);
            assertTrue(status.startsWith("HTTP/1.1 431 "), status);
            String escape = "GET /v1/whoami HTTP/1.1\r\nHost: x\r\nX-Evil: a\u001b[2Jb\r\n\r\n";
            status = statusLineFor(socket, escape.getBytes(StandardCharsets.ISO_8859_1));
            scene.note("(as root) GET with ESC in a header -> " + status);
            assertTrue(status.startsWith("HTTP/1.1 400 "), status);
            assertEquals(0, whoami(socket).exit(), "still serving");
        }
    }
    // end::limits[]

    // tag::listeners[]
    /** Each listener of /v1/events holds a thread: a quarter of them per user, and root still listens. */
    @Test
    @Order(4)
    @RequiresRoot(AttackScene.WHY)
    void oneUserCannotTakeEveryListener() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/curl")), "no curl (Debian: apt-get install curl)");
        scene.title("Listen to /v1/events five times over");
        String socket = socket();
        List<ServerProcess> listening = new ArrayList<>();
        try (ServerProcess agent = agent(socket)) {
            for (int i = 0; i < Events.MAX_PER_USER; i++) {
                ServerProcess listener = scene.asAttackerInBackground("curl", "-s", "-N", "--unix-socket", socket,
                        "http://localhost/v1/events");
                listening.add(listener);
                scene.attackerSays(listener, "listening");
            }
            Commands.Result fifth = scene.asAttacker("curl", "-s", "-w", "\\n%{http_code}\\n", "--unix-socket", socket,
                    "http://localhost/v1/events");
            assertTrue(fifth.stdout().endsWith("\n503\n"), fifth.stdout());
            try (ServerProcess root = ServerProcess.start(JarUnderTest.get().command(
                    "client", "--socket", socket, "GET", "/v1/events"))) {
                root.await("listening");
            }
        } finally {
            for (ServerProcess listener : listening) {
                listener.close();
            }
        }
    }
    // end::listeners[]
}
