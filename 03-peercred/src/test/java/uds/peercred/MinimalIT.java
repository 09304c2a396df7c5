package uds.peercred;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uds.support.LessonJar;
import uds.support.OtherUser;
import uds.support.ServerProcess;
import uds.support.ThisProcess;
import uds.support.UserDatabase;
import uds.support.testing.Commands;
import uds.support.testing.JarUnderTest;
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
        String me = "you are user " + UserDatabase.userName(ThisProcess.uid()).orElse(Long.toString(ThisProcess.uid()))
                + ", group " + UserDatabase.groupName(ThisProcess.gid()).orElse(Long.toString(ThisProcess.gid()));
        // World-searchable, so that another user may reach the socket; the jar copied where they can read it.
        Path shared = Files.createTempDirectory(Path.of("/tmp"), "uds-minimal-");
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxr-xr-x"));
        LessonJar jar = JarUnderTest.get().readableCopy(shared);
        try (ServerProcess server = transcript.startIn(shared, jar.command("minimal-server"), "listening on")) {
            assertEquals(new Commands.Result(0, me + "\n", ""), transcript.recordIn(shared, jar.command("minimal-client")));
            transcript.serverSays(server, "connected");
            if (ThisProcess.isRoot()) {
                OtherUser nobody = Users.nobody();
                // The JDK made the file 0777 minus the umask: another user may not write it yet.
                assertEquals(0, transcript.recordIn(shared, List.of("chmod", "666", "peercred.sock")).exit());
                List<String> asNobody = new ArrayList<>(nobody.command(jar.command("minimal-client")));
                Commands.Result told = transcript.recordIn(shared, asNobody);
                assertEquals(new Commands.Result(0, "you are user " + nobody.name() + ", group "
                        + UserDatabase.groupName(nobody.gid()).orElseThrow() + "\n", ""), told);
                transcript.serverSays(server, "connected");
            }
        } finally {
            try (Stream<Path> files = Files.walk(shared)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(file);
                }
            }
        }
        transcript.write("minimal");
    }

    @Test
    void asSourceFilesWithNoBuild() throws Exception {
        List<Path> sources = SmallestProgram.sources("uds.peercred");
        Path server = sources.stream().filter(source -> source.endsWith("MinimalPeerCredServer.java")).findFirst().orElseThrow();
        Path client = sources.stream().filter(source -> source.endsWith("MinimalPeerCredClient.java")).findFirst().orElseThrow();
        try (ServerProcess running = ServerProcess.start(SmallestProgram.sourceLaunch(server.toAbsolutePath()), dir)) {
            running.await("listening on peercred.sock");
            Commands.Result reply = Commands.runWithPid(SmallestProgram.sourceLaunch(client.toAbsolutePath()), "", dir).result();
            assertEquals(0, reply.exit(), reply.stderr());
            assertTrue(reply.stdout().startsWith("you are user "), reply.stdout());
        }
    }
}
