package uds.pathsocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.newsclub.net.unix.AFUNIXSocket;
import org.newsclub.net.unix.AFUNIXSocketAddress;

import uds.support.ServerProcess;
import uds.support.StaleSocketGuard;
import uds.support.testing.Commands;
import uds.support.testing.ConcurrentClients;
import uds.support.testing.JarUnderTest;

/** The lesson's jar as separate processes: one server JVM, client JVMs, signals, a second server. */
class ServerProcessIT {

    @TempDir
    Path dir;

    private final List<ServerProcess> servers = new ArrayList<>();

    @AfterEach
    void stopServers() throws InterruptedException {
        for (ServerProcess server : servers) {
            server.close();
        }
    }

    private ServerProcess startServer(String... options) throws IOException {
        List<String> args = new ArrayList<>(List.of("server"));
        args.addAll(List.of(options));
        ServerProcess server = ServerProcess.start(JarUnderTest.get().command(args.toArray(String[]::new)));
        servers.add(server);
        return server;
    }

    private static Commands.Result client(Path socket, String... messages) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("client", "--socket", socket.toString()));
        args.addAll(List.of(messages));
        return Commands.run(JarUnderTest.get().command(args.toArray(String[]::new)), "");
    }

    private static Commands.Result lesson(String... args) throws IOException, InterruptedException {
        return Commands.run(JarUnderTest.get().command(args), "");
    }

    // tag::thousand[]
    @Test
    void aThousandClientsAtOnceAreAllServedWithTheCapSetHighEnough() throws Exception {
        Path socket = dir.resolve("echo.sock");
        startServer("--socket", socket.toString(), "--max-connections", "1100", "--max-per-user", "1100").await("listening on");
        int served = ConcurrentClients.answered(1000, i -> AFUNIXSocket.connectTo(AFUNIXSocketAddress.of(socket)),
                (client, i) -> {
                    String line = "client " + i + "\n";
                    client.setSoTimeout(20_000);
                    client.getOutputStream().write(line.getBytes(StandardCharsets.UTF_8));
                    return line.equals(new String(client.getInputStream().readNBytes(line.length()), StandardCharsets.UTF_8));
                });
        assertEquals(1000, served, "every client got its own line back");
    }
    // end::thousand[]

    @Test
    void clientsInOtherJvmsGetTheirLinesBack() throws Exception {
        Path socket = dir.resolve("echo.sock");
        startServer("--socket", socket.toString()).await("listening on " + socket + " (mode 0666)");

        assertEquals(new Commands.Result(0, "hello\ngrüß dich\n", ""), client(socket, "hello", "grüß dich"));
        assertEquals(new Commands.Result(0, "jdk\n", ""),
                lesson("client", "--jdk", "--socket", socket.toString(), "jdk"));
        assertEquals(new Commands.Result(0, "from\nstdin\n", ""),
                Commands.run(JarUnderTest.get().command("client", "--socket", socket.toString()), "from\nstdin\n"));
    }

    @Test
    void aSecondServerIsRefusedAndTheFirstKeepsItsPath() throws Exception {
        Path socket = dir.resolve("echo.sock");
        startServer("--socket", socket.toString()).await("listening on");
        Object inode = Files.getAttribute(socket, "unix:ino");

        Commands.Result second = lesson("server", "--socket", socket.toString());

        assertEquals(1, second.exit());
        assertTrue(second.stderr().startsWith("error: already serving: "), second.stderr());
        assertEquals(1, second.stderr().lines().count(), "one error line");
        assertEquals(inode, Files.getAttribute(socket, "unix:ino"), "the first server's socket file is untouched");
        assertEquals("still mine\n", client(socket, "still mine").stdout());
    }

    @Test
    void ofTwoServersStartingAtOnceExactlyOneServes() throws Exception {
        for (int round = 0; round < 5; round++) {
            Path socket = dir.resolve("race-" + round + ".sock");
            ServerProcess a = startServer("--socket", socket.toString());
            ServerProcess b = startServer("--socket", socket.toString());
            List<String> firstLines = List.of(a.await("").getFirst(), b.await("").getFirst());

            assertEquals(1, firstLines.stream().filter(l -> l.startsWith("listening on")).count(), firstLines.toString());
            assertEquals(1, firstLines.stream().filter(l -> l.startsWith("error: already serving")).count(), firstLines.toString());
            assertEquals("race\n", client(socket, "race").stdout());
            a.close();
            b.close();
        }
    }

    @Test
    void afterKillMinus9TheNextServerClearsTheStaleFile() throws Exception {
        Path socket = dir.resolve("echo.sock");
        ServerProcess first = startServer("--socket", socket.toString());
        first.await("listening on");
        first.kill();
        assertTrue(Files.exists(socket, LinkOption.NOFOLLOW_LINKS), "kill -9 leaves the socket file");
        assertTrue(Files.exists(StaleSocketGuard.lockPathOf(socket)), "and the lock file");
        assertEquals(1, client(socket, "anyone?").exit());

        List<String> lines = startServer("--socket", socket.toString()).await("listening on");

        assertEquals(List.of("removed stale socket " + socket, "listening on " + socket + " (mode 0666)"), lines);
        assertEquals("back\n", client(socket, "back").stdout());
    }

    @ParameterizedTest(name = "SIG{0}")
    @CsvSource({"TERM, 143", "INT, 130"})
    void onSignalTheServerRemovesItsFiles(String signal, int exitCode) throws Exception {
        Path socket = dir.resolve("echo.sock");
        ServerProcess server = startServer("--socket", socket.toString());
        server.await("listening on");

        assertEquals(0, Commands.run(List.of("kill", "-" + signal, Long.toString(server.pid())), "").exit());

        assertEquals(List.of("removed " + socket), server.await("removed"));
        assertEquals(exitCode, server.waitFor(), "128 + the signal's number");
        assertFalse(Files.exists(socket, LinkOption.NOFOLLOW_LINKS));
        assertFalse(Files.exists(StaleSocketGuard.lockPathOf(socket)));
    }

    @Test
    void aRegularFileInTheWayIsLeftAlone() throws Exception {
        Path file = Files.writeString(dir.resolve("echo.sock"), "precious");
        Commands.Result result = lesson("server", "--socket", file.toString());
        assertEquals(new Commands.Result(1, "", "error: " + file + " exists and is not a socket: refusing to touch it;"
                + " remove it yourself or choose another --socket\n"), result);
        assertEquals("precious", Files.readString(file));
    }

    @Test
    void aPathTooLongIsRefusedBeforeAnySyscall() throws Exception {
        Path socket = dir.resolve("s".repeat(119 - dir.toString().length()));
        Commands.Result result = lesson("server", "--socket", socket.toString());
        assertEquals(1, result.exit());
        assertEquals("error: socket path is 120 bytes long; sun_path holds at most 107 bytes plus the"
                + " terminating NUL (108 in all): use a shorter path\n", result.stderr());
        assertFalse(Files.exists(socket.getParent().resolve(socket.toString().substring(0, 108))),
                "no file at the truncated path");
    }

    @Test
    void aClientWithNoServerSaysSoAndExits1() throws Exception {
        Path socket = dir.resolve("none.sock");
        assertEquals(new Commands.Result(1, "", "error: no socket at " + socket + ": is the server running?\n"),
                client(socket, "hello"));
    }

    @Test
    void helpAndUsageErrors() throws Exception {
        for (String[] help : new String[][] {{"--help"}, {"server", "--help"}, {"client", "--help"}, {"demo", "--help"}}) {
            Commands.Result result = lesson(help);
            assertEquals(0, result.exit(), String.join(" ", help));
            assertTrue(result.stdout().startsWith("usage: java -jar 01-path-socket.jar COMMAND"), result.stdout());
        }
        assertEquals(new Commands.Result(2, "", "error: client does not take the option --bogus\ntry: java -jar 01-path-socket.jar --help\n"),
                lesson("client", "--bogus"));
        assertEquals(new Commands.Result(2, "", "error: no command given\ntry: java -jar 01-path-socket.jar --help\n"),
                lesson());
        assertEquals(2, lesson("server", "--mode", "999").exit());
        assertEquals(2, lesson("server", "--socket").exit());
        assertEquals(2, lesson("launch").exit());
    }

    @Test
    void aPathTheLocaleCannotEncodeIsOneLineNotAStackTrace() throws Exception {
        List<String> command = new ArrayList<>(List.of("env", "LANG=C", "LC_ALL=C"));
        command.addAll(JarUnderTest.get().command("server", "--socket", dir.resolve("grüße.sock").toString()));
        Commands.Result result = Commands.run(command);
        assertEquals(2, result.exit(), result.stderr());
        // stderr is ASCII under LANG=C too: the JVM prints each ü and ß as '?'.
        assertEquals(List.of("error: --socket: " + dir.resolve("gr??e.sock") + " cannot be a file name under this locale"
                        + " (ANSI_X3.4-1968); run with a UTF-8 locale, e.g. LANG=C.UTF-8",
                "try: java -jar 01-path-socket.jar --help"), result.stderr().lines().toList());
    }
}
