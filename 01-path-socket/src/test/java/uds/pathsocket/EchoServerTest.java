package uds.pathsocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.SocketException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsclub.net.unix.AFUNIXServerSocket;
import org.newsclub.net.unix.AFUNIXSocket;
import org.newsclub.net.unix.AFUNIXSocketAddress;

import uds.support.EchoConnection;
import uds.support.ServerLimits;
import uds.support.StaleSocketGuard;

/** The server and both clients in one JVM, over real sockets. Separate processes: ServerProcessIT. */
class EchoServerTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream serverOutput = new ByteArrayOutputStream();
    private EchoServer server;

    @AfterEach
    void closeServer() throws IOException {
        if (server != null) {
            server.close();
        }
    }

    private Path startServer(Integer mode) throws IOException {
        return startServer(mode, ServerLimits.DEFAULT);
    }

    private Path startServer(Integer mode, ServerLimits limits) throws IOException {
        Path socket = dir.resolve("echo.sock");
        server = EchoServer.start(socket, mode, limits, new PrintStream(serverOutput, true, StandardCharsets.UTF_8));
        Thread.ofPlatform().daemon().start(() -> {
            try {
                server.serve();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        return socket;
    }

    private static String clientOutput(boolean jdk, Path socket, List<String> messages, InputStream stdin)
            throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        if (jdk) {
            JdkEchoClient.run(socket, messages, stdin, print);
        } else {
            EchoClient.run(socket, messages, stdin, print);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static int modeOf(Path file) throws IOException {
        return (int) Files.getAttribute(file, "unix:mode", LinkOption.NOFOLLOW_LINKS) & 0777;
    }

    private static int umask() throws IOException {
        String line = Files.readAllLines(Path.of("/proc/self/status")).stream()
                .filter(l -> l.startsWith("Umask:")).findFirst().orElseThrow();
        return Integer.parseInt(line.substring("Umask:".length()).strip(), 8);
    }

    @Test
    void echoesEachMessageToTheJunixsocketClient() throws IOException {
        Path socket = startServer(null);
        assertEquals("hello\ngrüß dich\n", clientOutput(false, socket, List.of("hello", "grüß dich"), InputStream.nullInputStream()));
    }

    @Test
    void echoesToTheJdkClientToo() throws IOException {
        Path socket = startServer(null);
        assertEquals("from the JDK\n", clientOutput(true, socket, List.of("from the JDK"), InputStream.nullInputStream()));
    }

    @Test
    void withoutMessagesTheClientSendsEachLineOfStdin() throws IOException {
        Path socket = startServer(null);
        var stdin = new ByteArrayInputStream("one\ntwo\n".getBytes(StandardCharsets.UTF_8));
        assertEquals("one\ntwo\n", clientOutput(false, socket, List.of(), stdin));
    }

    @Test
    @org.junit.jupiter.api.Timeout(value = 10, threadMode = org.junit.jupiter.api.Timeout.ThreadMode.SEPARATE_THREAD)
    void idleClientsDoNotStallOthers() throws IOException {
        Path socket = startServer(null);
        List<AFUNIXSocket> idle = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < 2 * Runtime.getRuntime().availableProcessors() + 2; i++) {
                AFUNIXSocket connection = AFUNIXSocket.newInstance();
                connection.connect(AFUNIXSocketAddress.of(socket));
                idle.add(connection); // connected, sending nothing: its server thread waits in read()
            }
            assertEquals("next\n", clientOutput(false, socket, List.of("next"), InputStream.nullInputStream()));
        } finally {
            for (AFUNIXSocket connection : idle) {
                connection.close();
            }
        }
    }

    // tag::limits-test[]
    @Test
    void aLineWithNoEndIsRefusedAtTheCapAndOthersAreStillServed() throws IOException {
        Path socket = startServer(null);
        try (AFUNIXSocket hostile = AFUNIXSocket.connectTo(AFUNIXSocketAddress.of(socket))) {
            hostile.setSoTimeout(10_000);
            try {
                hostile.getOutputStream().write(new byte[EchoConnection.MAX_LINE + 1]); // no newline, ever
            } catch (IOException e) {
                // the server may already have closed; its answer is still to be read
            }
            assertEquals("error: line longer than 65536 bytes; closing\n",
                    new String(hostile.getInputStream().readAllBytes(), StandardCharsets.US_ASCII));
        }
        assertEquals("next\n", clientOutput(false, socket, List.of("next"), InputStream.nullInputStream()));
    }

    @Test
    void aSilentConnectionIsClosedAfterTheIdleTimeout() throws IOException {
        Path socket = startServer(null, new ServerLimits(4, 4, Duration.ofSeconds(1)));
        try (AFUNIXSocket silent = AFUNIXSocket.connectTo(AFUNIXSocketAddress.of(socket))) {
            silent.setSoTimeout(10_000);
            assertEquals("error: idle for 1 s; closing\n",
                    new String(silent.getInputStream().readAllBytes(), StandardCharsets.US_ASCII));
        }
        assertTrue(serverOutput.toString(StandardCharsets.UTF_8).contains("closed: idle for 1 s"));
    }

    @Test
    void connectionsOverTheCapAreToldTheServerIsBusyAndTheSlotsComeBack() throws IOException {
        Path socket = startServer(null, new ServerLimits(2, 2, Duration.ofSeconds(60)));
        List<AFUNIXSocket> held = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) {
                held.add(AFUNIXSocket.connectTo(AFUNIXSocketAddress.of(socket)));
                held.getLast().getOutputStream().write("mine\n".getBytes());
                held.getLast().getInputStream().readNBytes(5); // echoed: the connection has its slot
            }
            try (AFUNIXSocket third = AFUNIXSocket.connectTo(AFUNIXSocketAddress.of(socket))) {
                third.setSoTimeout(10_000);
                assertEquals("error: server busy, try again later\n",
                        new String(third.getInputStream().readAllBytes(), StandardCharsets.US_ASCII),
                        () -> serverOutput.toString(StandardCharsets.UTF_8));
            }
        } finally {
            for (AFUNIXSocket connection : held) {
                connection.close();
            }
        }
        String reply = "";
        // The slots return as the handlers end, which a busy machine may run late: try again
        // until a deadline in seconds, not for a count of tries that a fast refusal uses up.
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
        while (!reply.equals("again\n") && System.nanoTime() < deadline) {
            Thread.yield();
            try {
                reply = clientOutput(false, socket, List.of("again"), InputStream.nullInputStream());
            } catch (IOException stillBusy) {
                reply = stillBusy.toString();
            }
        }
        assertEquals("again\n", reply);
    }
    // end::limits-test[]

    @Test
    void modeIsSetAfterBind() throws IOException {
        Path socket = startServer(0600);
        assertEquals(0600, modeOf(socket));
        assertEquals("0600", server.mode());
    }

    // tag::mode-window[]
    @Test
    void junixsocketBindLeavesTheFileWorldWritableWhateverTheUmask() throws IOException {
        Path socket = dir.resolve("raw.sock");
        try (AFUNIXServerSocket bound = EchoServer.bind(socket)) {
            // This is the mode until our chmod runs: anyone who can reach the directory may connect.
            assertEquals(0666, modeOf(socket));
        }
    }

    @Test
    void theJdkBindFollowsTheUmask() throws IOException {
        Path socket = dir.resolve("jdk.sock");
        try (ServerSocketChannel bound = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            bound.bind(UnixDomainSocketAddress.of(socket));
            assertEquals(0777 & ~umask(), modeOf(socket));
        } finally {
            Files.deleteIfExists(socket); // the JDK does not delete the file on close
        }
    }
    // end::mode-window[]

    @Test
    void closeRemovesTheSocketFileAndTheLock() throws IOException {
        Path socket = startServer(null);
        server.close();
        assertFalse(Files.exists(socket, LinkOption.NOFOLLOW_LINKS));
        assertFalse(Files.exists(StaleSocketGuard.lockPathOf(socket)));
        assertTrue(serverOutput.toString(StandardCharsets.UTF_8).endsWith("removed " + socket + "\n"));
    }

    // tag::reuse-pitfall[]
    @Test
    void junixsocketsDefaultBindTakesALiveServersPath() throws IOException {
        Path socket = dir.resolve("taken.sock");
        try (AFUNIXServerSocket first = AFUNIXServerSocket.newInstance();
             AFUNIXServerSocket second = AFUNIXServerSocket.newInstance()) {
            first.bind(AFUNIXSocketAddress.of(socket));
            Object firstInode = Files.getAttribute(socket, "unix:ino");
            second.bind(AFUNIXSocketAddress.of(socket)); // reuse-address is on by default: no error
            assertNotEquals(firstInode, Files.getAttribute(socket, "unix:ino"),
                    "the path now names the second server's socket; the first is unreachable");
        }
    }

    @Test
    void junixsocketsDefaultBindDeletesARegularFile() throws IOException {
        Path file = Files.writeString(dir.resolve("precious.txt"), "precious");
        try (AFUNIXServerSocket server = AFUNIXServerSocket.newInstance()) {
            server.bind(AFUNIXSocketAddress.of(file));
            assertEquals(0140000, (int) Files.getAttribute(file, "unix:mode") & 0170000, "now a socket");
        }
    }

    @Test
    void withReuseAddressOffBindRefusesALiveServersPath() throws IOException {
        Path socket = dir.resolve("taken.sock");
        try (AFUNIXServerSocket first = AFUNIXServerSocket.newInstance()) {
            first.bind(AFUNIXSocketAddress.of(socket));
            Object inode = Files.getAttribute(socket, "unix:ino");
            assertThrows(SocketException.class, () -> EchoServer.bind(socket).close());
            assertEquals(inode, Files.getAttribute(socket, "unix:ino"), "the live server keeps its file");
        }
    }

    @Test
    void withReuseAddressOffBindStillDeletesARegularFile() throws IOException {
        // Off, junixsocket connects first; a refused connect (a stale socket, or no socket at
        // all) makes it unlink the path and bind. Only a guard run before bind saves the file.
        Path file = Files.writeString(dir.resolve("precious.txt"), "precious");
        try (AFUNIXServerSocket bound = EchoServer.bind(file)) {
            assertEquals(0140000, (int) Files.getAttribute(file, "unix:mode") & 0170000, "now a socket");
        }
    }
    // end::reuse-pitfall[]

    @Test
    void aSecondEchoServerOnALivePathIsRefusedAndTheFirstKeepsServing() throws IOException {
        Path socket = startServer(null);
        Object inode = Files.getAttribute(socket, "unix:ino");
        var e = assertThrows(StaleSocketGuard.AlreadyServing.class,
                () -> EchoServer.start(socket, null, ServerLimits.DEFAULT, new PrintStream(OutputStream.nullOutputStream())));
        assertTrue(e.getMessage().startsWith("already serving"), e.getMessage());
        assertEquals(inode, Files.getAttribute(socket, "unix:ino"));
        assertEquals("still here\n", clientOutput(false, socket, List.of("still here"), InputStream.nullInputStream()));
    }

    @Test
    void clientsSayWhatIsWrongWhenThereIsNoServer() {
        Path missing = dir.resolve("missing.sock");
        for (boolean jdk : new boolean[] {false, true}) {
            var e = assertThrows(IOException.class, () -> clientOutput(jdk, missing, List.of("x"), InputStream.nullInputStream()));
            assertEquals("no socket at " + missing + ": is the server running?", e.getMessage());
        }
    }

    @Test
    void clientsRecogniseAStaleSocket() throws IOException {
        Path socket = dir.resolve("stale.sock");
        try (AFUNIXServerSocket gone = AFUNIXServerSocket.newInstance()) {
            gone.setDeleteOnClose(false);
            gone.bind(AFUNIXSocketAddress.of(socket));
        }
        for (boolean jdk : new boolean[] {false, true}) {
            var e = assertThrows(IOException.class, () -> clientOutput(jdk, socket, List.of("x"), InputStream.nullInputStream()));
            assertEquals("nothing listens on " + socket + ": the socket file is stale (its server is gone)", e.getMessage());
        }
    }
}
