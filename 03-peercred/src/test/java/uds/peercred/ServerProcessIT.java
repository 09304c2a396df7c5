package uds.peercred;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lesson's jar as separate processes: the answer names the client process, not the test. */
class ServerProcessIT {

    @TempDir
    Path dir;

    @Test
    void theAnswerNamesTheClientProcess() throws Exception {
        Path socket = dir.resolve("peercred.sock");
        try (ServerProcess server = ServerProcess.start(Cli.jar().command("server", "--socket", socket.toString()))) {
            server.await("listening on");
            ClientProcess client = ClientProcess.run(Cli.jar().command("client", "--socket", socket.toString()));

            String expected = "peer pid=" + client.pid() + " " + Users.currentIds();
            assertEquals(0, client.exit(), client.stderr());
            assertEquals(expected, client.stdout().get(0));
            assertEquals(List.of(expected), server.await("peer"), "printed on the server's stdout too");
        }
    }

    @Test
    void aDeniedClientExits1AndTheServerKeepsServing() throws Exception {
        Path socket = dir.resolve("peercred.sock");
        try (ServerProcess server = ServerProcess.start(Cli.jar().command(
                "server", "--socket", socket.toString(), "--allow-user", "4000000000"))) {
            server.await("listening on");
            for (int i = 0; i < 2; i++) {
                Cli.Result denied = Cli.run(Cli.jar().command("client", "--socket", socket.toString()), "");
                assertEquals(1, denied.exit());
                assertTrue(denied.stdout().startsWith("denied uid="), denied.stdout());
                assertEquals("error: the server does not admit this user (not on its allow list)\n", denied.stderr());
            }
        }
    }

    @Test
    void usageAndErrors() throws Exception {
        for (String[] help : new String[][] {{"--help"}, {"server", "--help"}, {"client", "-h"}}) {
            Cli.Result result = Cli.run(Cli.jar().command(help), "");
            assertEquals(0, result.exit());
            assertTrue(result.stdout().startsWith("usage: java -jar 03-peercred.jar COMMAND"), result.stdout());
        }
        assertEquals(new Cli.Result(2, "", "error: --socket PATH is required\ntry: java -jar 03-peercred.jar --help\n"),
                Cli.run(Cli.jar().command("server"), ""));
        assertEquals(new Cli.Result(2, "", "error: no user named no-such-user-here\ntry: java -jar 03-peercred.jar --help\n"),
                Cli.run(Cli.jar().command("server", "--socket", "x", "--allow-user", "no-such-user-here"), ""));
        assertEquals(2, Cli.run(Cli.jar().command("client", "--socket", "x", "--allow-group", "root"), "").exit());

        Path missing = dir.resolve("missing.sock");
        Cli.Result noServer = Cli.run(Cli.jar().command("client", "--socket", missing.toString()), "");
        assertEquals(1, noServer.exit());
        assertTrue(noServer.stderr().startsWith("error: cannot connect to " + missing), noServer.stderr());

        Path file = Files.writeString(dir.resolve("file"), "precious");
        Cli.Result taken = Cli.run(Cli.jar().command("server", "--socket", file.toString()), "");
        assertEquals(1, taken.exit());
        assertTrue(taken.stderr().startsWith("error: " + file + " already exists"), taken.stderr());
        assertEquals("precious", Files.readString(file));
    }
}
