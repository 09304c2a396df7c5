package uds.datagram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uds.support.ServerProcess;
import uds.support.ThisProcess;
import uds.support.testing.Commands;
import uds.support.testing.JarUnderTest;

/** What a hostile local sender can try against the log service, and what stops it. */
class AttackIT {

    @TempDir
    Path dir;

    // tag::deaf[]
    /**
     * A sender that binds an address, floods the service and never reads: every answer to it
     * would wait for room that never comes. The service answers without waiting, so an
     * honest client is still answered. (A blocking answer makes this test fail: the server
     * hangs in sendmsg once the flood's answers fill its send buffer.)
     */
    @Test
    void aSenderThatNeverReadsItsAnswersStopsNobody() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/python3")), "no /usr/bin/python3");
        try (ServerProcess server = ServerProcess.start(JarUnderTest.get().command("server", "--socket", "log.sock"), dir)) {
            server.await("receiving on");
            String deaf = """
                    import os, socket
                    s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
                    s.bind("\\0uds-deaf-%d" % os.getpid())
                    for i in range(1000):
                        s.sendto(b"never reading %d" % i, "log.sock")
                    print("sent 1000")
                    """;
            assertEquals(new Commands.Result(0, "sent 1000\n", ""),
                    Commands.runWithPid(List.of("/usr/bin/python3", "-c", deaf), "", dir).result());
            Commands.Result honest = Commands.runWithPid(JarUnderTest.get().command(
                    "client", "--socket", "log.sock", "--reply", "still there?"), "", dir).result();
            assertEquals(new Commands.Result(0, "OK 1001\n", ""), honest);
            // 1000 lines from one sender: the first in full, the rest counted.
            assertTrue(server.await("more lines from uid").getLast().matches(
                    "\\d+ more lines from uid \\d+\\(.*\\) in the last \\d+ s"), "the flood is counted, not logged");
        }
    }
    // end::deaf[]

    // tag::link[]
    /** A link planted where the log will be: refused at start, not followed. */
    @Test
    void aLinkPlantedAtTheLogPathIsRefused() throws Exception {
        Path elsewhere = Files.writeString(dir.resolve("elsewhere.txt"), "not a log\n");
        Path log = Files.createSymbolicLink(dir.resolve("service.log"), elsewhere);
        Commands.Result result = Commands.run(JarUnderTest.get().command(
                "server", "--socket", dir.resolve("log.sock").toString(), "--log", log.toString()));
        assertEquals(1, result.exit());
        assertEquals("error: " + log + " is a symbolic link of uid " + ThisProcess.uid() + " with 1 link: refusing to"
                + " log into it; the log must be a regular file of this user's with one link\n", result.stderr());
        assertEquals("not a log\n", Files.readString(elsewhere));
        assertTrue(Files.notExists(dir.resolve("log.sock")), "nothing bound");
    }
    // end::link[]
}
