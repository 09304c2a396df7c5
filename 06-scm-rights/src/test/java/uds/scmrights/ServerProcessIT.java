package uds.scmrights;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsclub.net.unix.AFUNIXSocket;
import org.newsclub.net.unix.AFUNIXSocketAddress;

import uds.support.ServerProcess;
import uds.support.testing.Commands;
import uds.support.testing.ConcurrentClients;
import uds.support.testing.JarUnderTest;

/** The lesson's jar as separate processes: the command line, the exit codes, many clients at once. */
class ServerProcessIT {

    @TempDir
    Path dir;

    private ServerProcess opener(Path socket, Path file, String... more) throws Exception {
        String[] args = {"server", "--socket", socket.toString(), "--allow-file", file.toString()};
        String[] all = new String[args.length + more.length];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(more, 0, all, args.length, more.length);
        ServerProcess opener = ServerProcess.start(JarUnderTest.get().command(all));
        opener.await("listening on");
        return opener;
    }

    @Test
    void theClientPrintsTheFileExactlyAndARefusalIsOneErrorLineAndExit1() throws Exception {
        byte[] content = "line one\nno newline at the end \u00e9\u0000".getBytes(StandardCharsets.UTF_8);
        Path file = Files.write(dir.resolve("f.bin"), content);
        Path socket = dir.resolve("opener.sock");
        try (ServerProcess opener = opener(socket, file)) {
            Process client = new ProcessBuilder(JarUnderTest.get().command("client", "--socket", socket.toString(),
                    file.toString())).start();
            byte[] printed = client.getInputStream().readAllBytes();
            assertEquals(0, client.waitFor());
            assertEquals(new String(content, StandardCharsets.ISO_8859_1), new String(printed, StandardCharsets.ISO_8859_1),
                    "byte for byte");

            Path other = Files.writeString(dir.resolve("other.txt"), "not listed");
            Commands.Result refused = Commands.run(JarUnderTest.get().command("client", "--socket", socket.toString(),
                    other.toString()));
            assertEquals(new Commands.Result(1, "", "error: the server refused " + other + ": not on the allow list\n"), refused);
            String refusal = opener.await("refused").getLast();
            assertTrue(refusal.matches("pid=\\d+ uid=.*: refused \"" + other + "\": not on the allow list"), refusal);
        }
    }

    @Test
    void aThousandClientsAtOnceEachGetTheirDescriptor() throws Exception {
        Path file = Files.writeString(dir.resolve("f.txt"), "shared by a thousand\n");
        Path socket = dir.resolve("opener.sock");
        try (ServerProcess opener = opener(socket, file, "--max-connections", "1100", "--max-per-user", "1100")) {
            byte[] request = (file + "\n").getBytes(StandardCharsets.UTF_8);
            int answered = ConcurrentClients.answered(1000, i -> AFUNIXSocket.connectTo(AFUNIXSocketAddress.of(socket)),
                    (client, i) -> {
                        client.setSoTimeout(20_000);
                        ByteArrayOutputStream copy = new ByteArrayOutputStream();
                        FileClient.copy(FileClient.exchange(client, request), file, copy);
                        return "shared by a thousand\n".equals(copy.toString(StandardCharsets.UTF_8));
                    });
            assertEquals(1000, answered, "every client read the file through its own descriptor");
        }
    }

    @Test
    void usageAndErrors() throws Exception {
        for (String[] help : new String[][] {{"--help"}, {"server", "--help"}, {"client", "-h"}}) {
            Commands.Result result = Commands.run(JarUnderTest.get().command(help));
            assertEquals(0, result.exit());
            assertTrue(result.stdout().startsWith("usage: java -jar 06-scm-rights.jar COMMAND"), result.stdout());
        }
        String tryHelp = "try: java -jar 06-scm-rights.jar --help\n";
        assertEquals(new Commands.Result(2, "", "error: server needs at least one --allow-file FILE\n" + tryHelp),
                Commands.run(JarUnderTest.get().command("server", "--socket", "x")));
        assertEquals(new Commands.Result(2, "", "error: --allow-file takes an absolute path without . or .., not a/b\n" + tryHelp),
                Commands.run(JarUnderTest.get().command("server", "--socket", "x", "--allow-file", "a/b")));
        assertEquals(new Commands.Result(2, "", "error: --allow-file takes an absolute path without . or .., not /a/../b\n" + tryHelp),
                Commands.run(JarUnderTest.get().command("server", "--socket", "x", "--allow-file", "/a/../b")));
        assertEquals(new Commands.Result(2, "", "error: client needs exactly one FILE\n" + tryHelp),
                Commands.run(JarUnderTest.get().command("client", "--socket", "x")));

        Path missing = dir.resolve("missing.sock");
        Commands.Result noServer = Commands.run(JarUnderTest.get().command("client", "--socket", missing.toString(), "/etc/hostname"));
        assertEquals(1, noServer.exit());
        assertEquals("error: no socket at " + missing + ": is the server running?\n", noServer.stderr());

        Path precious = Files.writeString(dir.resolve("precious"), "precious");
        Commands.Result taken = Commands.run(JarUnderTest.get().command("server", "--socket", precious.toString(),
                "--allow-file", "/etc/hostname"));
        assertEquals(1, taken.exit());
        assertTrue(taken.stderr().startsWith("error: " + precious + " already exists"), taken.stderr());
        assertEquals("precious", Files.readString(precious));
    }
}
