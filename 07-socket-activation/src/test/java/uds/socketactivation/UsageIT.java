package uds.socketactivation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uds.support.testing.Commands;
import uds.support.testing.JarUnderTest;

/** The jar's command line, which needs no service manager: help, misuse (exit 2), failure (exit 1). */
class UsageIT {

    @TempDir
    Path dir;

    @Test
    void helpMisuseAndFailure() throws Exception {
        for (String[] help : new String[][] {{"--help"}, {"server", "--help"}, {"client", "-h"}}) {
            Commands.Result result = Commands.run(JarUnderTest.get().command(help));
            assertEquals(0, result.exit());
            assertTrue(result.stdout().startsWith("usage: java -jar 07-socket-activation.jar COMMAND"), result.stdout());
        }
        String tryHelp = "try: java -jar 07-socket-activation.jar --help\n";
        assertEquals(new Commands.Result(2, "", "error: --inetd serves a stream connection: give --inetd or --seqpacket,"
                + " not both\n" + tryHelp), Commands.run(JarUnderTest.get().command("server", "--inetd", "--seqpacket")));
        assertEquals(new Commands.Result(2, "", "error: client needs --socket\n" + tryHelp),
                Commands.run(JarUnderTest.get().command("client", "hello")));

        Commands.Result inetdByHand = Commands.run(JarUnderTest.get().command("server", "--inetd"));
        assertEquals(1, inetdByHand.exit());
        assertTrue(inetdByHand.stderr().startsWith("error: not started inetd-style: descriptor 0 is not a connected AF_UNIX"
                + " stream socket;"), inetdByHand.stderr());

        Path missing = dir.resolve("missing.sock");
        assertEquals(new Commands.Result(1, "", "error: no socket at " + missing + ": is the server running?\n"),
                Commands.run(JarUnderTest.get().command("client", "--socket", missing.toString(), "hello")));
    }
}
