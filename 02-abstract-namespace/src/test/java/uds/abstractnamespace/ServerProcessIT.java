package uds.abstractnamespace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

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
        ServerProcess server = ServerProcess.start(Cli.jar().command(command, "--name", name));
        servers.add(server);
        return server;
    }

    private static Cli.Result lesson(String... args) throws IOException, InterruptedException {
        return Cli.run(Cli.jar().command(args), "");
    }

    @Test
    void aClientInAnotherJvmGetsItsLinesBack() throws Exception {
        startServer("server").await("listening on @" + name);
        assertEquals(new Cli.Result(0, "hello\nwörld\n", ""), lesson("client", "--name", name, "hello", "wörld"));
        assertEquals(new Cli.Result(0, "from stdin\n", ""),
                Cli.run(Cli.jar().command("client", "--name", name), "from stdin\n"));
    }

    @Test
    void aSecondServerGetsNameAlreadyInUse() throws Exception {
        startServer("server").await("listening on");
        Cli.Result second = lesson("server", "--name", name);
        assertEquals(new Cli.Result(1, "", "error: name already in use: another process holds @" + name
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
        assertEquals(List.of("connection 1 opened", "captured: secret", "connection 1 closed"), squatter.await("closed"));
    }

    @Test
    void autobindShowsTheNameTheKernelChose() throws Exception {
        Cli.Result result = lesson("autobind");
        assertEquals(0, result.exit());
        List<String> lines = result.stdout().lines().toList();
        assertTrue(lines.get(0).matches("the kernel chose @[0-9a-f]{5}"), lines.get(0));
        String chosen = lines.get(0).substring("the kernel chose ".length());
        assertTrue(lines.get(1).startsWith("/proc/net/unix: ") && lines.get(1).endsWith(" " + chosen), lines.get(1));
    }

    @Test
    void helpAndUsageErrors() throws Exception {
        for (String[] help : new String[][] {{"--help"}, {"server", "--help"}, {"client", "--help"}, {"squat", "-h"}}) {
            Cli.Result result = lesson(help);
            assertEquals(0, result.exit());
            assertTrue(result.stdout().startsWith("usage: java -jar 02-abstract-namespace.jar COMMAND"), result.stdout());
        }
        assertEquals(new Cli.Result(2, "", "error: --expect-user: no user named no-such-user-here\n"
                + "try: java -jar 02-abstract-namespace.jar --help\n"), lesson("client", "--expect-user", "no-such-user-here"));
        assertEquals(2, lesson("client", "--expect-uid", "-1").exit());
        assertEquals(2, lesson("server", "--name", "").exit());
        assertEquals(2, lesson("server", "--name", "x".repeat(108)).exit());
        assertEquals(2, lesson("server", "surplus").exit());
        assertEquals(2, lesson().exit());
    }

    @Test
    void aClientWithNoServerSaysSoAndExits1() throws Exception {
        assertEquals(new Cli.Result(1, "", "error: nobody listens on @" + name + " (Connection refused)\n"),
                lesson("client", "--name", name, "hello"));
    }
}
