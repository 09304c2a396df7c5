package uds.datagram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uds.support.Credentials;
import uds.support.ErrnoException;
import uds.support.ServerProcess;
import uds.support.UnixSocket;
import uds.support.UserDatabase;
import uds.support.testing.Commands;
import uds.support.testing.JarUnderTest;
import uds.support.testing.Transcript;

/** The log service and its client as separate processes, as a learner runs them. */
class LogServiceIT {

    @TempDir
    Path dir;

    private static String me() {
        Credentials own = Credentials.own();
        return "uid=" + UserDatabase.userLabel(own.uid()) + " gid=" + UserDatabase.groupLabel(own.gid());
    }

    @Test
    void eachDatagramIsOneLineNamingItsSenderAndTheUnboundGetNoAnswer() throws Exception {
        Transcript transcript = new Transcript();
        try (ServerProcess server = transcript.startIn(dir, JarUnderTest.get().command("server", "--socket", "log.sock"),
                "receiving on")) {
            Commands.Result client = transcript.recordIn(dir, JarUnderTest.get().command(
                    "client", "--socket", "log.sock", "the disk is almost full", "two\nlines?"));
            assertEquals(new Commands.Result(0, "sent 2 datagrams to log.sock\n", ""), client);
            // The kernel's word for who sent it: the client's own process, whatever the text says.
            String from = "from pid=\\d+ " + Pattern.quote(me()) + ": ";
            String none = "note: no answer: the sender is bound to no address, so there is none to send to";
            List<String> first = transcript.serverSays(server, "almost full");
            assertTrue(first.getLast().matches(from + Pattern.quote("\"the disk is almost full\"")), first.toString());
            List<String> second = transcript.serverSays(server, "lines?");
            assertEquals(none, second.getFirst());
            // Escaped: a sender cannot start a line of the log that looks like the server's.
            assertTrue(second.getLast().matches(from + Pattern.quote("\"two\\nlines?\"")), second.toString());
            assertEquals(List.of(none), transcript.serverSays(server, "no answer"));
        }
        transcript.write("server");
    }

    @Test
    void aClientWithAnAddressGetsEachAnswerFromTheServersFile() throws Exception {
        Transcript transcript = new Transcript();
        try (ServerProcess server = transcript.startIn(dir, JarUnderTest.get().command("server", "--socket", "log.sock"),
                "receiving on")) {
            Commands.Result client = transcript.recordIn(dir, JarUnderTest.get().command(
                    "client", "--socket", "log.sock", "--reply", "first", "second"));
            assertEquals(new Commands.Result(0, "OK 1\nOK 2\n", ""), client);
            List<String> said = transcript.serverSays(server, "answered OK 2");
            assertTrue(said.getLast().matches("answered OK 2 to \"@[0-9a-f]{5}\""), said.toString());
        }
        transcript.write("reply");
    }

    @Test
    void noServerIsOneErrorLine() throws Exception {
        Path stale = dir.resolve("stale.sock");
        try (UnixSocket gone = UnixSocket.datagram()) {
            gone.bind(stale); // closed at once: the file stays, nobody receives on it
        }
        Commands.Result result = Commands.run(JarUnderTest.get().command("client", "--socket", stale.toString(), "hello"));
        assertEquals(new Commands.Result(1, "", "error: nothing receives on " + stale
                + ": the socket file is stale (its server is gone)\n"), result);
        Path missing = dir.resolve("missing.sock");
        result = Commands.run(JarUnderTest.get().command("client", "--socket", missing.toString(), "hello"));
        assertEquals(new Commands.Result(1, "", "error: no socket at " + missing + ": is the server running?\n"), result);
    }

    /** A service whose queue stays full (here: one that reads nothing) costs its client five seconds, not for ever. */
    @Test
    void aQueueThatStaysFullIsOneErrorLineAfterTheSendTimeout() throws Exception {
        Path deaf = dir.resolve("deaf.sock");
        try (UnixSocket receiver = UnixSocket.datagram(); UnixSocket filler = UnixSocket.datagram()) {
            receiver.bind(deaf);
            filler.sendTimeout(Duration.ofMillis(100));
            try {
                while (true) {
                    filler.send(deaf, new byte[1], null);
                }
            } catch (ErrnoException e) {
                assertEquals(ErrnoException.EAGAIN, e.errno(), "full");
            }
            long start = System.nanoTime();
            Commands.Result result = Commands.run(JarUnderTest.get().command("client", "--socket", deaf.toString(), "hello"));
            assertEquals(new Commands.Result(1, "", "error: the queue of " + deaf + " stayed full for "
                    + LogClient.SEND_WAIT.toSeconds() + " s: it is sent more than it reads\n"), result);
            assertTrue(System.nanoTime() - start >= LogClient.SEND_WAIT.toNanos(), "it waited first");
        }
    }
}
