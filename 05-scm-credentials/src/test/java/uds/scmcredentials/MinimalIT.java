package uds.scmcredentials;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uds.support.ServerProcess;
import uds.support.ThisProcess;
import uds.support.testing.Commands;
import uds.support.testing.JarUnderTest;
import uds.support.testing.SmallestProgram;
import uds.support.testing.Transcript;

/**
 * The smallest programs (package minimal): they stand alone, and they work, from the lesson's
 * jar and as source-file programs with no build.
 */
class MinimalIT {

    @TempDir
    Path dir;

    @Test
    void eachFileStandsAloneAndIsShort() throws Exception {
        SmallestProgram.check(SmallestProgram.sources("uds.scmcredentials"), dir);
    }

    @Test
    void theReceiverPrintsTheCredentialsTheSenderAttached() throws Exception {
        Transcript transcript = new Transcript();
        try (ServerProcess receiver = transcript.startIn(dir, JarUnderTest.get().command("minimal-server"), "receiving on")) {
            Commands.Run sender = Commands.runWithPid(JarUnderTest.get().command("minimal-client"), "", dir);
            transcript.note("$ " + Transcript.shown(JarUnderTest.get().command("minimal-client")));
            sender.result().stdout().lines().forEach(transcript::note);
            String ids = "pid=" + sender.pid() + " uid=" + ThisProcess.uid() + " gid=" + ThisProcess.gid();
            assertEquals(new Commands.Result(0, "sent 5 bytes as " + ids + "\n", ""), sender.result());
            assertEquals(List.of("from " + ids + ": hello"), transcript.serverSays(receiver, "hello"));
        }
        transcript.write("minimal");
    }

    @Test
    void asSourceFilesWithNoBuild() throws Exception {
        Path receiver = SmallestProgram.source("uds.scmcredentials", "MinimalCredentialsReceiver");
        Path sender = SmallestProgram.source("uds.scmcredentials", "MinimalCredentialsSender");
        try (ServerProcess running = ServerProcess.start(SmallestProgram.sourceLaunch(receiver), dir)) {
            running.await("receiving on receiver.sock");
            Commands.Result sent = Commands.runWithPid(SmallestProgram.sourceLaunch(sender,
                    "receiver.sock", "from source"), "", dir).result();
            assertEquals(0, sent.exit(), sent.stderr());
            running.await(": from source");
        }
    }
}
