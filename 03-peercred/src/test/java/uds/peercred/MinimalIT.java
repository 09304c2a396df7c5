package uds.peercred;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uds.support.LessonJar;
import uds.support.OtherUser;
import uds.support.ServerProcess;
import uds.support.ThisProcess;
import uds.support.UserDatabase;
import uds.support.testing.Commands;
import uds.support.testing.JarUnderTest;
import uds.support.testing.SharedDirectory;
import uds.support.testing.SmallestProgram;
import uds.support.testing.Transcript;
import uds.support.testing.Users;

/**
 * The smallest programs (package minimal): they stand alone, and they work, from the lesson's
 * jar and as source-file programs with no build; as root, a client run as nobody is told so.
 */
class MinimalIT {

    @TempDir
    Path dir;

    @Test
    void eachFileStandsAloneAndIsShort() throws Exception {
        SmallestProgram.check(SmallestProgram.sources("uds.peercred"), dir);
    }

    @Test
    void theClientIsToldWhoTheKernelSaysItIs() throws Exception {
        Transcript transcript = new Transcript();
        String me = "you are user " + ThisProcess.userName()
                + ", group " + UserDatabase.groupName(ThisProcess.gid()).orElse(Long.toString(ThisProcess.gid()));
        // World-searchable, so that another user may reach the socket; the jar copied where they can read it.
        try (SharedDirectory directory = SharedDirectory.create("uds-minimal-")) {
            Path shared = directory.path();
            LessonJar jar = JarUnderTest.get().readableCopy(shared);
            try (ServerProcess server = transcript.startIn(shared, jar.command("minimal-server"), "listening on")) {
                assertEquals(new Commands.Result(0, me + "\n", ""), transcript.recordIn(shared, jar.command("minimal-client")));
                transcript.serverSays(server, "connected");
                if (ThisProcess.isRoot()) {
                    OtherUser nobody = Users.nobody();
                    // The JDK made the file 0777 minus the umask: another user may not write it yet.
                    assertEquals(0, transcript.recordIn(shared, List.of("chmod", "666", "peercred.sock")).exit());
                    Commands.Result told = transcript.recordIn(shared, nobody.command(jar.command("minimal-client")));
                    assertEquals(new Commands.Result(0, "you are user " + nobody.name() + ", group "
                            + UserDatabase.groupName(nobody.gid()).orElseThrow() + "\n", ""), told);
                    transcript.serverSays(server, "connected");
                }
            }
        }
        transcript.write("minimal");
    }

    @Test
    void asSourceFilesWithNoBuild() throws Exception {
        Path server = SmallestProgram.source("uds.peercred", "MinimalPeerCredServer");
        Path client = SmallestProgram.source("uds.peercred", "MinimalPeerCredClient");
        try (ServerProcess running = ServerProcess.start(SmallestProgram.sourceLaunch(server), dir)) {
            running.await("listening on peercred.sock");
            Commands.Result reply = Commands.runWithPid(SmallestProgram.sourceLaunch(client), "", dir).result();
            assertEquals(0, reply.exit(), reply.stderr());
            assertTrue(reply.stdout().startsWith("you are user "), reply.stdout());
        }
    }
}
