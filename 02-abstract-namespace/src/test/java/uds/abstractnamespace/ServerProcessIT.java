package uds.abstractnamespace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.newsclub.net.unix.AFUNIXSocket;

import uds.support.ServerProcess;
import uds.support.testing.Commands;
import uds.support.testing.ConcurrentClients;
import uds.support.testing.JarUnderTest;

/** The lesson's jar as separate processes: a server JVM, client JVMs, kill -9, usage errors. */
class ServerProcessIT {

    private final String name = "uds-it-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
    private final List<ServerProcess> servers = new ArrayList<>();

    @AfterEach
    void stopServers() throws InterruptedException {
        for (ServerProcess server : servers) {
            server.close();
        }
    }

    private ServerProcess startServer(String command) throws IOException, InterruptedException {
        ServerProcess server = ServerProcess.start(JarUnderTest.get().command(command, "--name", name));
        servers.add(server);
        return server;
    }

    private static Commands.Result lesson(String... args) throws IOException, InterruptedException {
        return Commands.run(JarUnderTest.get().command(args), "");
    }

    @Test
    void aThousandClientsAtOnceAreAllServedWithTheCapSetHighEnough() throws Exception {
        ServerProcess server = ServerProcess.start(JarUnderTest.get().command(
                "server", "--name", name, "--max-connections", "1100", "--max-per-user", "1100"));
        servers.add(server);
        server.await("listening on");
        AbstractName address = new AbstractName(name);
        int served = ConcurrentClients.answered(1000, i -> AFUNIXSocket.connectTo(address.address()), (client, i) -> {
            String line = "client " + i + "\n";
            client.setSoTimeout(20_000);
            client.getOutputStream().write(line.getBytes(StandardCharsets.UTF_8));
            return line.equals(new String(client.getInputStream().readNBytes(line.length()), StandardCharsets.UTF_8));
        });
        assertEquals(1000, served, "every client got its own line back");
    }

    @Test
    void aClientInAnotherJvmGetsItsLinesBack() throws Exception {
        startServer("server").await("listening on @" + name);
        assertEquals(new Commands.Result(0, "hello\nwörld\n", ""), lesson("client", "--name", name, "hello", "wörld"));
        assertEquals(new Commands.Result(0, "from stdin\n", ""),
                Commands.run(JarUnderTest.get().command("client", "--name", name), "from stdin\n"));
    }

    @Test
    void aSecondServerGetsNameAlreadyInUse() throws Exception {
        startServer("server").await("listening on");
        Commands.Result second = lesson("server", "--name", name);
        assertEquals(new Commands.Result(1, "", "error: name already in use: another process holds @" + name
                + " (ss -xlp | grep '@" + name + "' shows which)\n"), second);
        assertEquals("still mine\n", lesson("client", "--name", name, "still mine").stdout());
    }

    @Test
    void afterKillMinus9TheNameIsFreeAtOnce() throws Exception {
        ServerProcess first = startServer("server");
        first.await("listening on");
        first.kill();
        assertEquals(List.of(), ProcNetUnix.linesFor(new AbstractName(name)), "the kernel dropped the name with the socket");

        assertEquals(List.of("listening on @" + name), startServer("server").await("listening on"));
        assertEquals("back\n", lesson("client", "--name", name, "back").stdout());
    }

    @Test
    void onSigtermTheServerReleasesTheName() throws Exception {
        ServerProcess server = startServer("server");
        server.await("listening on");
        assertEquals(143, server.terminate());
        assertEquals(List.of("released @" + name), server.await("released"));
        assertEquals(List.of(), ProcNetUnix.linesFor(new AbstractName(name)));
    }

    @Test
    void theSquatterEchoesAndShowsWhatItCaptured() throws Exception {
        ServerProcess squatter = startServer("squat");
        assertEquals(List.of("squatting @" + name + ": whoever connects is talking to me"), squatter.await("squatting"));
        assertEquals("secret\n", lesson("client", "--name", name, "secret").stdout());
        assertEquals(List.of("connection 1 opened", "captured: \"secret\"", "connection 1 closed"), squatter.await("closed"));
    }

    @Test
    void autobindShowsTheNameTheKernelChose() throws Exception {
        Commands.Result result = lesson("autobind");
        assertEquals(0, result.exit());
        List<String> lines = result.stdout().lines().toList();
        assertTrue(lines.get(0).matches("the kernel chose @[0-9a-f]{5}"), lines.get(0));
        String chosen = lines.get(0).substring("the kernel chose ".length());
        assertTrue(lines.get(1).startsWith("/proc/net/unix: ") && lines.get(1).endsWith(" " + chosen), lines.get(1));
    }

    @Test
    void helpAndUsageErrors() throws Exception {
        for (String[] help : new String[][] {{"--help"}, {"server", "--help"}, {"client", "--help"}, {"squat", "-h"}}) {
            Commands.Result result = lesson(help);
            assertEquals(0, result.exit());
            assertTrue(result.stdout().startsWith("usage: java -jar 02-abstract-namespace.jar COMMAND"), result.stdout());
        }
        assertEquals(new Commands.Result(2, "", "error: --expect-user: no user named no-such-user-here\n"
                + "try: java -jar 02-abstract-namespace.jar --help\n"), lesson("client", "--expect-user", "no-such-user-here"));
        assertEquals(2, lesson("client", "--expect-uid", "-1").exit());
        assertEquals(2, lesson("server", "--name", "").exit());
        assertEquals(2, lesson("server", "--name", "x".repeat(108)).exit());
        assertEquals(2, lesson("server", "surplus").exit());
        assertEquals(2, lesson().exit());
    }

    @Test
    void aClientWithNoServerSaysSoAndExits1() throws Exception {
        assertEquals(new Commands.Result(1, "", "error: nobody listens on @" + name + " (Connection refused)\n"),
                lesson("client", "--name", name, "hello"));
    }

    // Under LANG=C the JVM decodes argv as ASCII: grüße and gräße would both arrive as gr????e
    // and meet. The lessons read their arguments as UTF-8 whatever the locale.
    @Test
    void twoNonAsciiNamesStayApartUnderLangC() throws Exception {
        List<String> langC = List.of("env", "LANG=C", "LC_ALL=C");
        String suffix = "-" + ProcessHandle.current().pid();
        List<String> server = new ArrayList<>(langC);
        server.addAll(JarUnderTest.get().command("server", "--name", "grüße" + suffix));
        try (ServerProcess running = ServerProcess.start(server)) {
            running.await("listening on"); // printed as @gr??e: stdout is ASCII under LANG=C
            assertEquals(1, ProcNetUnix.linesFor(new AbstractName("grüße" + suffix)).size(), "bound as UTF-8 bytes");
            List<String> other = new ArrayList<>(langC);
            other.addAll(JarUnderTest.get().command("client", "--name", "gräße" + suffix, "hello"));
            Commands.Result refused = Commands.run(other);
            assertEquals(1, refused.exit(), "gräße is not grüße: " + refused);
            List<String> same = new ArrayList<>(langC);
            same.addAll(JarUnderTest.get().command("client", "--name", "grüße" + suffix, "hello"));
            assertEquals(new Commands.Result(0, "hello\n", ""), Commands.run(same));
        }
    }
}
