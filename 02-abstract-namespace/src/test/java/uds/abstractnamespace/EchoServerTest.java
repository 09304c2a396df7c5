package uds.abstractnamespace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.UnixDomainSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.newsclub.net.unix.AFSocketType;
import org.newsclub.net.unix.AFUNIXDatagramSocket;
import org.newsclub.net.unix.AFUNIXServerSocket;
import org.newsclub.net.unix.AFUNIXSocketAddress;

import uds.support.ExpectedServer;
import uds.support.ServerLimits;
import uds.support.ThisProcess;
import uds.support.UserDatabase;

/** Server, client, squatter check and autobind in one JVM, over real sockets. Processes: *IT. */
class EchoServerTest {

    private final AbstractName name = new AbstractName("uds-test-é-" + ProcessHandle.current().pid() + "-" + System.nanoTime());
    private EchoServer server;
    private Thread serving;

    @AfterEach
    void closeServer() {
        if (server != null) {
            server.close();
        }
    }

    private void startServer() throws IOException {
        server = EchoServer.bind(name, new PrintStream(OutputStream.nullOutputStream()), false);
        serving = Thread.ofPlatform().daemon().start(() -> {
            try {
                server.serve(ServerLimits.DEFAULT);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    private String client(ExpectedServer expected, String... messages) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        EchoClient.run(name, expected, List.of(messages), InputStream.nullInputStream(),
                new PrintStream(out, true, StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }

    private static Set<String> namesIn(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
        }
    }

    @Test
    void echoesOverANonAsciiName() throws IOException {
        startServer();
        assertEquals("hello\ngrüß dich\n", client(null, "hello", "grüß dich"));
    }

    // tag::no-file[]
    @Test
    void noFileAppearsButTheKernelListsTheName() throws IOException {
        Path cwd = Path.of("").toAbsolutePath();
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        Set<String> cwdBefore = namesIn(cwd);

        startServer();

        assertEquals(cwdBefore, namesIn(cwd));
        assertFalse(namesIn(tmp).stream().anyMatch(n -> n.contains(name.name())), "no file named after it in /tmp");
        List<String> lines = ProcNetUnix.linesFor(name);
        assertEquals(1, lines.size(), "one listening socket: " + lines);
        assertTrue(lines.getFirst().endsWith(" @" + name.name()), lines.getFirst());
    }
    // end::no-file[]

    @Test
    void aTakenNameIsRefusedWithAClearError() throws IOException {
        startServer();
        var e = assertThrows(IOException.class,
                () -> EchoServer.bind(name, new PrintStream(OutputStream.nullOutputStream()), false));
        assertEquals("name already in use: another process holds " + name + " (ss -xlp | grep '" + name
                + "' shows which)", e.getMessage());
    }

    /** Any user may bind a name that is not UTF-8; the kernel's table then holds those bytes as they are. */
    @Test
    void aTakenNameIsStillReportedWhenAStrangersNameIsNotUtf8() throws IOException {
        byte[] invalid = {0, 'u', 'd', 's', '-', (byte) 0xff, (byte) 0xfe, '-', 'x'};
        try (AFUNIXServerSocket stranger = AFUNIXServerSocket.newInstance()) {
            stranger.bind(AFUNIXSocketAddress.of(invalid));
            startServer();
            var e = assertThrows(IOException.class,
                    () -> EchoServer.bind(name, new PrintStream(OutputStream.nullOutputStream()), false));
            assertTrue(e.getMessage().startsWith("name already in use: another process holds " + name), e.getMessage());
        }
    }

    // tag::bind-probe[]
    @Test
    void aFailedBindFirstConnectsToTheNamesHolder() throws IOException {
        try (AFUNIXServerSocket holder = AFUNIXServerSocket.newInstance();
             AFUNIXServerSocket latecomer = AFUNIXServerSocket.newInstance()) {
            holder.bind(name.address());
            holder.setSoTimeout(5000);
            assertThrows(SocketException.class, () -> latecomer.bind(name.address()));
            // junixsocket checked whether the holder was alive: there is a connection to accept.
            try (Socket probe = holder.accept()) {
                assertTrue(probe.isConnected());
            }
        }
    }
    // end::bind-probe[]

    @Test
    void closingFreesTheNameAtOnce() throws Exception {
        startServer();
        server.close();
        // The kernel lets the socket go when the last user does: the thread blocked in accept().
        serving.join(5000);
        assertEquals(List.of(), ProcNetUnix.linesFor(name));
        startServer(); // binds again: there was nothing to clean up
        assertEquals("again\n", client(null, "again"));
    }

    @Test
    void aClientWithNoServerSaysNobodyListens() {
        var e = assertThrows(IOException.class, () -> client(null, "x"));
        assertEquals("nobody listens on " + name + " (Connection refused)", e.getMessage());
    }

    @Test
    void aNameHeldByASocketOfAnotherTypeIsNotCalledRefused() throws IOException {
        try (AFUNIXDatagramSocket squatter = AFUNIXDatagramSocket.newInstance(AFSocketType.SOCK_SEQPACKET)) {
            squatter.bind(name.address());
            squatter.listen(1);
            var e = assertThrows(IOException.class, () -> EchoClient.run(name, null, List.of("hi"),
                    InputStream.nullInputStream(), new PrintStream(OutputStream.nullOutputStream())));
            assertEquals(name + " is held by a socket of another type (type 5), not a stream server: someone else"
                    + " has the name", e.getMessage());
        }
    }

    // tag::expect[]
    @Test
    void theClientTalksOnlyToTheUserItExpects() throws IOException {
        startServer();
        long me = ThisProcess.uid();
        assertEquals("checked\n", client(new ExpectedServer(me), "checked"));

        long someoneElse = me == 0 ? 65534 : 0;
        var e = assertThrows(IOException.class, () -> client(new ExpectedServer(someoneElse), "secret"));
        assertEquals("refusing to talk to " + name + ": its server runs as uid " + UserDatabase.userLabel(me)
                + ", not uid " + UserDatabase.userLabel(someoneElse) + "; someone may be squatting the name",
                e.getMessage());
    }
    // end::expect[]

    // tag::jdk[]
    @Test
    void theJdksUnixDomainSocketAddressCannotNameAnAbstractSocket() {
        var e = assertThrows(InvalidPathException.class, () -> UnixDomainSocketAddress.of("\0" + name.name()));
        assertTrue(e.getMessage().startsWith("Nul character not allowed"), e.getMessage());
    }
    // end::jdk[]

    @Test
    void autobindGetsFiveHexDigitsFromTheKernel() throws IOException {
        try (Autobind first = Autobind.listen(); Autobind second = Autobind.listen()) {
            assertTrue(first.name().name().matches("[0-9a-f]{5}"), first.name().toString());
            assertNotEquals(first.name(), second.name());
            assertEquals(1, ProcNetUnix.linesFor(first.name()).size());
        }
    }

    @Test
    void anAutoboundNameIsFreedOnClose() throws IOException {
        AbstractName chosen;
        try (Autobind socket = Autobind.listen()) {
            chosen = socket.name();
        }
        assertEquals(List.of(), ProcNetUnix.linesFor(chosen));
    }
}
