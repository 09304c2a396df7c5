package uds.datagram;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;

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
        SmallestProgram.check(SmallestProgram.sources("uds.datagram"), dir);
    }

    @Test
    void twoDatagramsSentBackToBackArriveAsTwoLines() throws Exception {
        Transcript transcript = new Transcript();
        try (ServerProcess server = transcript.startIn(dir, JarUnderTest.get().command("minimal-server"), "receiving on")) {
            Commands.Result client = transcript.recordIn(dir, JarUnderTest.get().command("minimal-client"));
            assertEquals(new Commands.Result(0, "sent 2 datagrams to log.sock\n", ""), client);
            transcript.serverSays(server, "1: the disk is almost full");
            transcript.serverSays(server, "2: the disk is full");
        }
        transcript.write("minimal");
    }
}
