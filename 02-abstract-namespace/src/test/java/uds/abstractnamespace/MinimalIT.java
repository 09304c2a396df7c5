package uds.abstractnamespace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uds.support.ServerProcess;
import uds.support.testing.Commands;
import uds.support.testing.JarUnderTest;
import uds.support.testing.SmallestProgram;
import uds.support.testing.Transcript;

/** The smallest programs (package minimal): they stand alone, and they work from the lesson's jar. */
class MinimalIT {

    @TempDir
    Path dir;

    @Test
    void eachFileStandsAloneAndIsShort() throws Exception {
        SmallestProgram.check(SmallestProgram.sources("uds.abstractnamespace"), dir);
    }

    @Test
    void theClientGetsItsLineBackAndTheNameIsInTheKernelsTableNotOnDisk() throws Exception {
        // A name of this run's own: abstract names are shared by everything on the machine.
        String name = "uds-minimal-" + ProcessHandle.current().pid();
        Transcript transcript = new Transcript();
        try (ServerProcess server = transcript.startIn(dir, JarUnderTest.get().command("minimal-server", name),
                "listening on @" + name)) {
            Commands.Result client = transcript.recordIn(dir, JarUnderTest.get().command("minimal-client", name));
            assertEquals(new Commands.Result(0, "hello\n", ""), client);
            transcript.serverSays(server, "received: hello");
            // No file: the kernel's table of AF_UNIX sockets is where the name shows.
            Commands.Result table = transcript.recordIn(dir, List.of("grep", "@" + name, "/proc/net/unix"));
            assertEquals(0, table.exit());
            assertTrue(table.stdout().strip().endsWith(" @" + name), table.stdout());
        }
        transcript.write("minimal");
    }
}
