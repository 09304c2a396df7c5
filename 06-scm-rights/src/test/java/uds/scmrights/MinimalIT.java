package uds.scmrights;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uds.support.LessonJar;
import uds.support.ServerProcess;
import uds.support.ThisProcess;
import uds.support.testing.Commands;
import uds.support.testing.JarUnderTest;
import uds.support.testing.SharedDirectory;
import uds.support.testing.SmallestProgram;
import uds.support.testing.Transcript;
import uds.support.testing.Users;

/**
 * The smallest programs (package minimal): they stand alone, and they work from the lesson's
 * jar; as root, a client run as nobody prints a file only root may open.
 */
class MinimalIT {

    @TempDir
    Path dir;

    @Test
    void eachFileStandsAloneAndIsShort() throws Exception {
        SmallestProgram.check(SmallestProgram.sources("uds.scmrights"), dir);
    }

    @Test
    void theClientReadsTheFileThroughTheDescriptorItWasHanded() throws Exception {
        Transcript transcript = new Transcript();
        // World-searchable, so that another user may reach the socket; the jar copied where they can read it.
        try (SharedDirectory directory = SharedDirectory.create("uds-minimal-")) {
            Path shared = directory.path();
            LessonJar jar = JarUnderTest.get().readableCopy(shared);
            Path secret = Files.writeString(shared.resolve("secret.txt"), "for the owner's eyes only\n",
                    StandardCharsets.UTF_8);
            Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-------"));
            List<String> client = jar.command("minimal-client");
            if (ThisProcess.isRoot()) {
                client = Users.nobody().command(client);
                List<String> cat = Users.nobody().command(List.of("env", "LC_ALL=C.UTF-8", "cat", "secret.txt"));
                assertNotEquals(0, transcript.recordIn(shared, cat).exit(), "nobody may not open it");
            }
            try (ServerProcess server = transcript.startIn(shared, jar.command("minimal-server", "opener.sock",
                    "secret.txt"), "handing out")) {
                Commands.Result read = transcript.recordIn(shared, client);
                assertEquals(new Commands.Result(0, "for the owner's eyes only\n", "OK secret.txt\n"), read);
                transcript.serverSays(server, "handed");
            }
        }
        transcript.write("minimal");
    }
}
