package uds.socketactivation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsclub.net.unix.AFUNIXSocket;
import org.newsclub.net.unix.AFUNIXSocketAddress;

import uds.support.EchoConnection;
import uds.support.FileStatus;
import uds.support.LineReader;
import uds.support.ServerProcess;
import uds.support.ThisProcess;
import uds.support.UserDatabase;
import uds.support.testing.Commands;
import uds.support.testing.JarUnderTest;

/**
 * The server under a real service manager: systemd-socket-activate (Debian's systemd package;
 * no running systemd, no root), which creates the socket, starts the jar on the first
 * connection and passes the socket as systemd does.
 */
class SocketActivationIT {

    static final Path ACTIVATE = Path.of("/usr/bin/systemd-socket-activate");
    static final Path PYTHON = Path.of("/usr/bin/python3");

    @TempDir
    Path dir;

    @BeforeEach
    void needsTheServiceManager() {
        assumeTrue(Files.isExecutable(ACTIVATE), "no systemd-socket-activate (Debian: apt-get install systemd)");
    }

    static ServerProcess activate(List<String> options, Path socket, String... serverArgs) throws Exception {
        List<String> command = new ArrayList<>(List.of(ACTIVATE.toString()));
        command.addAll(options);
        command.addAll(List.of("-l", socket.toString()));
        command.addAll(JarUnderTest.get().command(serverArgs));
        ServerProcess manager = ServerProcess.start(command);
        manager.await("Listening on");
        return manager;
    }

    private static String greeting() {
        return "hello pid=\\d+ uid=" + UserDatabase.userLabel(ThisProcess.uid()).replace("(", "\\(").replace(")", "\\)") + " .*";
    }

    // tag::python[]
    @Test
    void aPythonClientGetsItsEchoAndTheSocketOutlivesTheServer() throws Exception {
        assumeTrue(Files.isExecutable(PYTHON), "/usr/bin/python3 is not installed");
        Path socket = dir.resolve("echo.sock");
        try (ServerProcess manager = activate(List.of(), socket, "server")) {
            assertTrue(FileStatus.of(socket).isSocket(), "the manager made the socket before any JVM ran");
            Commands.Result python = Commands.run(List.of(PYTHON.toString(), "-c", """
                    import socket, sys
                    s = socket.socket(socket.AF_UNIX)
                    s.connect(sys.argv[1])
                    f = s.makefile("rwb")
                    print(f.readline().decode().strip())
                    f.write(b"from python\\n"); f.flush()
                    print(f.readline().decode().strip())
                    """, socket.toString()));
            assertEquals(0, python.exit(), python.stderr());
            List<String> lines = python.stdout().lines().toList();
            assertTrue(lines.get(0).matches(greeting()), lines.get(0));
            assertEquals("from python", lines.get(1));
            manager.terminate();
        }
        assertTrue(FileStatus.of(socket).isSocket(), "the JVM ended and left the manager's socket alone");
    }
    // end::python[]

    // tag::backlog[]
    @Test
    void twentyClientsThatConnectBeforeTheJvmStartsAreAllServed() throws Exception {
        Path socket = dir.resolve("early.sock");
        try (ServerProcess manager = activate(List.of(), socket, "server")) {
            List<AFUNIXSocket> clients = new ArrayList<>();
            try {
                for (int i = 0; i < 20; i++) {
                    // Each connect returns at once: the manager listens, the kernel queues it.
                    clients.add(AFUNIXSocket.connectTo(AFUNIXSocketAddress.of(socket)));
                }
                int served = 0;
                for (int i = 0; i < 20; i++) {
                    AFUNIXSocket client = clients.get(i);
                    client.setSoTimeout(30_000);
                    OutputStream out = client.getOutputStream();
                    out.write(("client " + i + "\n").getBytes(StandardCharsets.UTF_8));
                    LineReader in = new LineReader(client.getInputStream(), EchoConnection.MAX_LINE);
                    String hello = new String(in.readLine(), StandardCharsets.UTF_8);
                    String echo = new String(in.readLine(), StandardCharsets.UTF_8);
                    if (hello.matches(greeting()) && echo.equals("client " + i)) {
                        served++;
                    }
                }
                assertEquals(20, served, "every client queued before the JVM existed got its greeting and echo");
            } finally {
                for (AFUNIXSocket client : clients) {
                    client.close();
                }
            }
        }
    }
    // end::backlog[]

    @Test
    void startedByHandItSaysHowToStartIt() throws Exception {
        Commands.Result byHand = Commands.run(JarUnderTest.get().command("server"));
        assertEquals(1, byHand.exit());
        assertEquals("", byHand.stdout());
        assertEquals(1, byHand.stderr().lines().count(), byHand.stderr());
        assertTrue(byHand.stderr().startsWith("error: not socket-activated: LISTEN_PID and LISTEN_FDS are not set;"
                + " start it with a socket to serve"), byHand.stderr());
    }

    @Test
    void theWrongSocketTypeIsRefusedWithOneLine() throws Exception {
        Path socket = dir.resolve("wrong.sock");
        try (ServerProcess manager = activate(List.of("--seqpacket"), socket, "server")) {
            Process client = new ProcessBuilder(PYTHON.toString(), "-c", """
                    import socket, sys, time
                    s = socket.socket(socket.AF_UNIX, socket.SOCK_SEQPACKET); s.connect(sys.argv[1]); time.sleep(5)
                    """, socket.toString()).start();
            try {
                assertEquals(List.of("error: descriptor 3 is a SOCK_SEQPACKET socket, not SOCK_STREAM: drop --seqpacket"),
                        manager.await("error:").stream().filter(line -> line.startsWith("error:")).toList());
            } finally {
                client.destroy();
            }
        }
    }

    /** Two sockets passed to a server that takes one: refused, not half served, with descriptor 4 left open. */
    @Test
    void twoSocketsAreRefusedWithOneLine() throws Exception {
        assumeTrue(Files.isExecutable(PYTHON), "/usr/bin/python3 is not installed");
        Path socket = dir.resolve("first.sock");
        Path second = dir.resolve("second.sock");
        try (ServerProcess manager = activate(List.of("-l", second.toString()), socket, "server")) {
            Process client = new ProcessBuilder(PYTHON.toString(), "-c", """
                    import socket, sys, time
                    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM); s.connect(sys.argv[1]); time.sleep(5)
                    """, socket.toString()).start();
            try {
                assertEquals(List.of("error: LISTEN_FDS is 2: this server takes one socket; pass it one (one Listen line in"
                                + " the .socket unit, one -l for systemd-socket-activate)"),
                        manager.await("error:").stream().filter(line -> line.startsWith("error:")).toList());
            } finally {
                client.destroy();
            }
        }
    }

    // tag::inetd[]
    @Test
    void inetdStyleEachConnectionGetsAJvmOfItsOwn() throws Exception {
        Path socket = dir.resolve("inetd.sock");
        try (ServerProcess manager = activate(List.of("--inetd", "-a"), socket, "server", "--inetd")) {
            for (String text : List.of("first", "second")) {
                Commands.Result client = Commands.run(JarUnderTest.get().command("client", "--socket", socket.toString(), text));
                assertEquals(0, client.exit(), client.stderr());
                assertEquals(List.of("hello user=" + UserDatabase.userName(ThisProcess.uid()).orElseThrow() + " group="
                        + UserDatabase.groupName(ThisProcess.gid()).orElseThrow() + " (the JDK's SO_PEERCRED has no pid)", text),
                        client.stdout().lines().toList());
            }
        }
    }
    // end::inetd[]

    // tag::idle[]
    @Test
    void aSilentClientIsClosedAfterTheIdleTimeoutInEveryMode() throws Exception {
        assumeTrue(Files.isExecutable(PYTHON), "/usr/bin/python3 is not installed");
        // The clock starts at the greeting: the JVM's start-up, long on a busy machine, is not idle time.
        String silent = """
                import socket, sys, time
                s = socket.socket(socket.AF_UNIX, int(sys.argv[2])); s.connect(sys.argv[1]); s.settimeout(30)
                s.recv(4096); start = time.monotonic()
                while s.recv(4096): pass
                print("closed after %.1f s of silence" % (time.monotonic() - start))
                """;
        for (List<String> mode : List.of(List.<String>of(), List.of("--inetd", "-a"), List.of("--seqpacket"))) {
            Path socket = dir.resolve("silent-" + mode.size() + ".sock");
            List<String> server = new ArrayList<>(List.of("server", "--idle-timeout", "1"));
            server.addAll(mode.isEmpty() ? List.of() : List.of(mode.get(0)));
            try (ServerProcess manager = activate(mode, socket, server.toArray(String[]::new))) {
                Commands.Result client = Commands.run(List.of(PYTHON.toString(), "-c", silent, socket.toString(),
                        mode.contains("--seqpacket") ? "5" : "1"));
                assertEquals(0, client.exit(), client.stderr());
                double silence = Double.parseDouble(client.stdout().replaceAll("[^0-9.]", ""));
                // At least the timeout; the upper bound only says the timeout, not the 30 s, ended it.
                assertTrue(silence >= 0.9 && silence < 20, "mode " + mode + ": " + client.stdout());
                manager.await("idle for 1 s");
            }
        }
    }
    // end::idle[]

    /**
     * A client that sends and never reads: the echoes fill its receive queue and the server's
     * send waits for room. A receive timeout does not apply there; the send timeout does.
     */
    @Test
    void aSeqpacketClientThatNeverReadsIsClosedAfterTheIdleTimeout() throws Exception {
        assumeTrue(Files.isExecutable(PYTHON), "/usr/bin/python3 is not installed");
        String unread = """
                import socket, sys
                s = socket.socket(socket.AF_UNIX, socket.SOCK_SEQPACKET); s.connect(sys.argv[1]); s.settimeout(60)
                sent = 0
                try:
                    while True:
                        s.send(b"x" * 1000); sent += 1
                except OSError as e:
                    print("sent %d datagrams, reading none; then %s" % (sent, type(e).__name__))
                """;
        Path socket = dir.resolve("unread.sock");
        try (ServerProcess manager = activate(List.of("--seqpacket"), socket, "server", "--seqpacket", "--idle-timeout", "1")) {
            Commands.Result client = Commands.run(List.of(PYTHON.toString(), "-c", unread, socket.toString()));
            assertEquals(0, client.exit(), client.stderr());
            assertTrue(client.stdout().matches("sent \\d+ datagrams, reading none; then (BrokenPipeError|ConnectionResetError)\n"),
                    client.stdout());
            manager.await("closed: the client took no reply for 1 s");
        }
    }

    @Test
    void seqpacketDatagramsComeBackAsTheyWent() throws Exception {
        Path socket = dir.resolve("seqpacket.sock");
        try (ServerProcess manager = activate(List.of("--seqpacket"), socket, "server", "--seqpacket")) {
            Commands.Result client = Commands.run(JarUnderTest.get().command("client", "--socket", socket.toString(),
                    "--seqpacket", "one datagram", "two\nlines"));
            assertEquals(0, client.exit(), client.stderr());
            assertEquals(List.of("hello (SOCK_SEQPACKET: each datagram comes back as it was)", "one datagram", "two\\nlines"),
                    client.stdout().lines().toList());
            assertTrue(manager.await("connection 1 closed").getLast().endsWith("closed"));
        }
    }

    /** An empty datagram is a message like any other (lesson 04): it comes back, and the connection stays. */
    @Test
    void anEmptyDatagramComesBackEmptyAndTheConnectionStays() throws Exception {
        assumeTrue(Files.isExecutable(PYTHON), "/usr/bin/python3 is not installed");
        Path socket = dir.resolve("empty.sock");
        try (ServerProcess manager = activate(List.of("--seqpacket"), socket, "server", "--seqpacket")) {
            String peer = """
                    import socket, sys
                    s = socket.socket(socket.AF_UNIX, socket.SOCK_SEQPACKET); s.connect(sys.argv[1]); s.settimeout(20)
                    s.recv(4096)
                    for datagram in [b"", b"still here", b""]:
                        s.send(datagram)
                        print(repr(s.recv(4096)))
                    """;
            Commands.Result client = Commands.run(List.of(PYTHON.toString(), "-c", peer, socket.toString()));
            assertEquals(new Commands.Result(0, "b''\nb'still here'\nb''\n", ""), client);
            manager.await("connection 1 closed");
        }
    }
}
