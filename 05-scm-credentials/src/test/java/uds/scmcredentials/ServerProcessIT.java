package uds.scmcredentials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uds.support.Credentials;
import uds.support.ServerProcess;
import uds.support.UnixSocket;
import uds.support.UserDatabase;
import uds.support.testing.Commands;
import uds.support.testing.ConcurrentClients;
import uds.support.testing.JarUnderTest;
import uds.support.testing.ThrottledOutput;

/** Receiver and senders as separate processes: the line names the sending process. */
class ServerProcessIT {

    @TempDir
    Path dir;

    private static String me() {
        Credentials own = Credentials.own();
        return "uid=" + UserDatabase.userLabel(own.uid()) + " gid=" + UserDatabase.groupLabel(own.gid());
    }

    /** Runs a sender, returning its pid and result. */
    private static long[] send(String... args) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(JarUnderTest.get().command(args)).redirectErrorStream(true).start();
        process.getOutputStream().close();
        process.getInputStream().readAllBytes();
        return new long[] {process.pid(), process.waitFor()};
    }

    @Test
    void eachDatagramNamesItsSender() throws Exception {
        Path socket = dir.resolve("r.sock");
        try (ServerProcess receiver = ServerProcess.start(JarUnderTest.get().command("receiver", "--socket", socket.toString()))) {
            receiver.await("receiving on");
            long[] first = send("sender", "--socket", socket.toString(), "hello", "world");
            long[] second = send("sender", "--socket", socket.toString(), "--no-credentials", "bare");
            assertEquals(0, first[1]);
            assertEquals(List.of("from pid=" + first[0] + " " + me() + ": \"hello\""), receiver.await("hello"));
            assertEquals(List.of("from pid=" + first[0] + " " + me() + ": \"world\""), receiver.await("world"));
            assertEquals(List.of("from pid=" + second[0] + " " + me() + ": \"bare\""), receiver.await("bare"));
        }
    }

    @Test
    void aClaimTheSenderMayNotMakeIsRefusedInOneLine() throws Exception {
        Path socket = dir.resolve("r.sock");
        try (ServerProcess receiver = ServerProcess.start(JarUnderTest.get().command("receiver", "--socket", socket.toString()))) {
            receiver.await("receiving on");
            Commands.Result result = Commands.run(JarUnderTest.get().command(
                    "sender", "--socket", socket.toString(), "--pid", "2147483647", "ghost"), "");
            assertEquals(1, result.exit());
            assertEquals(1, result.stderr().lines().count(), result.stderr());
            // root may claim another pid, but this one does not exist; anyone else may not claim one at all
            String expected = Credentials.own().uid() == 0
                    ? "error: sendmsg failed: ESRCH (No such process): no process has pid 2147483647"
                    : "error: sendmsg failed: EPERM (Operation not permitted)";
            assertTrue(result.stderr().startsWith(expected), result.stderr());
        }
    }

    @Test
    void onAStreamSoPeercredAndEachMessageAgree() throws Exception {
        Path socket = dir.resolve("s.sock");
        try (ServerProcess receiver = ServerProcess.start(JarUnderTest.get().command("receiver", "--socket", socket.toString(), "--stream"))) {
            receiver.await("receiving on");
            long[] sender = send("sender", "--socket", socket.toString(), "--stream", "over a stream");
            assertEquals(List.of(
                    "connected: SO_PEERCRED pid=" + sender[0] + " " + me(),
                    "from pid=" + sender[0] + " " + me() + ": \"over a stream\"",
                    "disconnected"), receiver.await("disconnected"));
        }
    }

    @Test
    void aThousandStreamSendersAtOnceAreAllHeardWithTheCapSetHighEnough() throws Exception {
        Path socket = dir.resolve("s.sock");
        try (ServerProcess receiver = ServerProcess.start(JarUnderTest.get().command(
                "receiver", "--socket", socket.toString(), "--stream", "--max-connections", "1100", "--max-per-user", "1100"))) {
            receiver.await("receiving on");
            int sent = ConcurrentClients.answered(1000, i -> {
                UnixSocket sender = UnixSocket.stream();
                sender.connect(socket);
                return sender;
            }, (sender, i) -> {
                sender.send(null, ("sender " + i).getBytes(StandardCharsets.UTF_8), Credentials.own());
                return true;
            });
            assertEquals(1000, sent);
            // One sender's user: 20 lines per 5 s in full, the rest counted, 1000 in all.
            List<String> lines = ThrottledOutput.accountFor(receiver, 1000, line -> line.startsWith("from "), "messages from ");
            assertTrue(lines.stream().filter(line -> line.startsWith("from ")).allMatch(
                    line -> line.matches("from pid=\\d+ " + Pattern.quote(me()) + ": \"sender \\d+\"")), lines.toString());
        }
    }

    @Test
    void usageAndErrors() throws Exception {
        for (String[] help : new String[][] {{"--help"}, {"receiver", "--help"}, {"sender", "-h"}}) {
            Commands.Result result = Commands.run(JarUnderTest.get().command(help), "");
            assertEquals(0, result.exit());
            assertTrue(result.stdout().startsWith("usage: java -jar 05-scm-credentials.jar COMMAND"), result.stdout());
        }
        assertEquals(2, Commands.run(JarUnderTest.get().command("sender", "--socket", "x"), "").exit());
        assertEquals(2, Commands.run(JarUnderTest.get().command("sender", "--socket", "x", "--pid", "-5", "t"), "").exit());
        assertEquals(2, Commands.run(JarUnderTest.get().command("receiver", "--socket", "x", "--uid", "0"), "").exit());
        assertEquals(2, Commands.run(JarUnderTest.get().command("receiver"), "").exit());

        Path missing = dir.resolve("missing.sock");
        assertEquals(new Commands.Result(1, "", "error: sendmsg failed: ENOENT (No such file or directory)\n"),
                Commands.run(JarUnderTest.get().command("sender", "--socket", missing.toString(), "hello"), ""));
    }
}
