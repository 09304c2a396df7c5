package uds.seqpacket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uds.support.ServerProcess;
import uds.support.testing.Commands;
import uds.support.testing.ConcurrentClients;
import uds.support.testing.JarUnderTest;
import uds.support.testing.Transcript;

/** The lesson's jar as separate processes: one server JVM, client JVMs, exit codes. */
class ServerProcessIT {

    @TempDir
    Path dir;

    @Test
    void aClientProcessSendsRequestsAndExitsByTheReplies() throws Exception {
        Path socket = dir.resolve("update.sock");
        Path config = dir.resolve("settings.conf");
        try (ServerProcess server = ServerProcess.start(JarUnderTest.get().command(
                "server", "--socket", socket.toString(), "--config", config.toString()))) {
            server.await("listening on");
            assertEquals(new Commands.Result(0, "OK\nVALUE dark blue\n", ""), Commands.run(JarUnderTest.get().command(
                    "client", "--socket", socket.toString(), "SET colour dark blue", "GET colour"), ""));
            assertEquals(new Commands.Result(1, "ERR no such key\nOK\n", "error: 1 of 2 requests failed\n"), Commands.run(
                    JarUnderTest.get().command("client", "--socket", socket.toString(), "GET nothing", "DEL colour"), ""));
            assertEquals(List.of(), Files.readAllLines(config));
        }
    }

    @Test
    void aThousandClientsAtOnceAreAllAnsweredWithTheCapSetHighEnough() throws Exception {
        Path socket = dir.resolve("update.sock");
        Path config = Files.writeString(dir.resolve("settings.conf"), "colour=blue\n");
        try (ServerProcess server = ServerProcess.start(JarUnderTest.get().command(
                "server", "--socket", socket.toString(), "--config", config.toString(), "--max-connections", "1100", "--max-per-user", "1100"))) {
            server.await("listening on");
            int answered = ConcurrentClients.answered(1000, i -> UpdateClient.connect(socket),
                    (client, i) -> client.request("GET colour").equals("VALUE blue")
                            && client.request("GET client" + i).equals("ERR no such key"));
            assertEquals(1000, answered, "every client's two requests were answered");
        }
    }

    // tag::untrusted[]
    @Test
    void aConfigurationInADirectoryOthersMayWriteStopsTheServerWithOneLine() throws Exception {
        Path shared = Files.createDirectory(dir.resolve("shared"));
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxrwx"));
        Transcript transcript = new Transcript();
        Commands.Result start = transcript.record(JarUnderTest.get().command("server", "--socket",
                dir.resolve("update.sock").toString(), "--config", shared.resolve("settings.conf").toString()));
        assertEquals(1, start.exit());
        assertEquals("error: directory " + shared.toRealPath() + " has mode 0777: others may write to it; chmod go-w it\n",
                start.stderr());
        transcript.write("untrusted");
    }
    // end::untrusted[]

    @Test
    void usageAndErrors() throws Exception {
        for (String[] help : new String[][] {{"--help"}, {"server", "--help"}, {"client", "-h"}}) {
            Commands.Result result = Commands.run(JarUnderTest.get().command(help), "");
            assertEquals(0, result.exit());
            assertTrue(result.stdout().startsWith("usage: java -jar 04-seqpacket.jar COMMAND"), result.stdout());
        }
        assertEquals(2, Commands.run(JarUnderTest.get().command("server", "--socket", "x"), "").exit());
        assertEquals(2, Commands.run(JarUnderTest.get().command("client", "--socket", "x"), "").exit());
        assertEquals(2, Commands.run(JarUnderTest.get().command("server", "--socket", "x", "--config", "y", "--allow-user", "no-such-user-here"), "").exit());

        Path missing = dir.resolve("missing.sock");
        Commands.Result noServer = Commands.run(JarUnderTest.get().command("client", "--socket", missing.toString(), "GET a"), "");
        assertEquals(1, noServer.exit());
        assertEquals("error: no socket at " + missing + ": is the server running?\n", noServer.stderr());

        Path broken = Files.writeString(dir.resolve("broken.conf"), "no equals sign\n");
        Commands.Result badConfig = Commands.run(JarUnderTest.get().command(
                "server", "--socket", dir.resolve("s.sock").toString(), "--config", broken.toString()), "");
        assertEquals(new Commands.Result(1, "", "error: " + broken + ":1: not a key=value line\n"), badConfig);
    }
}
