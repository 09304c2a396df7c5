package uds.peercred;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsclub.net.unix.AFUNIXSocket;
import org.newsclub.net.unix.AFUNIXSocketAddress;

import uds.support.ServerProcess;
import uds.support.ThisProcess;
import uds.support.testing.Commands;
import uds.support.testing.ConcurrentClients;
import uds.support.testing.JarUnderTest;

/** The lesson's jar as separate processes: the answer names the client process, not the test. */
class ServerProcessIT {

    @TempDir
    Path dir;

    @Test
    void theAnswerNamesTheClientProcess() throws Exception {
        Path socket = dir.resolve("peercred.sock");
        try (ServerProcess server = ServerProcess.start(JarUnderTest.get().command("server", "--socket", socket.toString()))) {
            server.await("listening on");
            Commands.Run client = Commands.runWithPid(JarUnderTest.get().command("client", "--socket", socket.toString()), "");

            String expected = "peer pid=" + client.pid() + " " + ThisProcess.ids();
            assertEquals(0, client.result().exit(), client.result().stderr());
            assertEquals(expected, client.result().stdout().lines().findFirst().orElseThrow());
            assertEquals(List.of(expected), server.await("peer"), "printed on the server's stdout too");
        }
    }

    @Test
    void aThousandClientsAtOnceAreAllAnsweredWithTheCapSetHighEnough() throws Exception {
        Path socket = dir.resolve("peercred.sock");
        try (ServerProcess server = ServerProcess.start(JarUnderTest.get().command(
                "server", "--socket", socket.toString(), "--max-connections", "1100", "--max-per-user", "1100"))) {
            server.await("listening on");
            String expected = "peer pid=" + ProcessHandle.current().pid() + " " + ThisProcess.ids() + "\n";
            int answered = ConcurrentClients.answered(1000, i -> AFUNIXSocket.connectTo(AFUNIXSocketAddress.of(socket)),
                    (client, i) -> {
                        client.setSoTimeout(20_000);
                        return expected.equals(new String(client.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
                    });
            assertEquals(1000, answered, "every client was told who it is");
        }
    }

    @Test
    void aDeniedClientExits1AndTheServerKeepsServing() throws Exception {
        Path socket = dir.resolve("peercred.sock");
        try (ServerProcess server = ServerProcess.start(JarUnderTest.get().command(
                "server", "--socket", socket.toString(), "--allow-user", "4000000000"))) {
            server.await("listening on");
            for (int i = 0; i < 2; i++) {
                Commands.Result denied = Commands.run(JarUnderTest.get().command("client", "--socket", socket.toString()), "");
                assertEquals(1, denied.exit());
                assertTrue(denied.stdout().startsWith("denied uid="), denied.stdout());
                assertEquals("error: the server does not admit this user (not on its allow list)\n", denied.stderr());
            }
        }
    }

    @Test
    void usageAndErrors() throws Exception {
        for (String[] help : new String[][] {{"--help"}, {"server", "--help"}, {"client", "-h"}}) {
            Commands.Result result = Commands.run(JarUnderTest.get().command(help), "");
            assertEquals(0, result.exit());
            assertTrue(result.stdout().startsWith("usage: java -jar 03-peercred.jar COMMAND"), result.stdout());
        }
        assertEquals(new Commands.Result(2, "", "error: server needs --socket\ntry: java -jar 03-peercred.jar --help\n"),
                Commands.run(JarUnderTest.get().command("server"), ""));
        assertEquals(new Commands.Result(2, "", "error: --allow-user: no user named no-such-user-here\ntry: java -jar 03-peercred.jar --help\n"),
                Commands.run(JarUnderTest.get().command("server", "--socket", "x", "--allow-user", "no-such-user-here"), ""));
        assertEquals(2, Commands.run(JarUnderTest.get().command("client", "--socket", "x", "--allow-group", "root"), "").exit());

        Path missing = dir.resolve("missing.sock");
        Commands.Result noServer = Commands.run(JarUnderTest.get().command("client", "--socket", missing.toString()), "");
        assertEquals(1, noServer.exit());
        assertEquals("error: no socket at " + missing + ": is the server running?\n", noServer.stderr());

        Path file = Files.writeString(dir.resolve("file"), "precious");
        Commands.Result taken = Commands.run(JarUnderTest.get().command("server", "--socket", file.toString()), "");
        assertEquals(1, taken.exit());
        assertTrue(taken.stderr().startsWith("error: " + file + " already exists"), taken.stderr());
        assertEquals("precious", Files.readString(file));
    }
}
