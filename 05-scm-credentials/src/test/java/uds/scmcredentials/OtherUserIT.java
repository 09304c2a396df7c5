package uds.scmcredentials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Senders run as other real users (root only): the kernel vouches for each, and refuses their lies. */
class OtherUserIT {

    private Path dir;
    private LessonJar readableJar;

    @BeforeEach
    void asRoot() throws IOException {
        assumeTrue(Credentials.own().uid() == 0,
                "running a sender as another user needs root (setpriv): run the tests as root to see this");
        dir = Files.createTempDirectory(Path.of("/tmp"), "uds-scm-it-");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        readableJar = Cli.jar().readableCopy(dir);
    }

    @AfterEach
    void cleanUp() throws IOException {
        if (dir != null) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    private List<String> as(int id, String... args) {
        List<String> command = new ArrayList<>(List.of("setpriv", "--reuid=" + id, "--regid=" + id, "--clear-groups"));
        command.addAll(readableJar.command(args));
        return command;
    }

    // tag::other-users[]
    @Test
    void theReceiverLearnsEachSendersUserAndAClaimIsRefused() throws Exception {
        Path socket = dir.resolve("r.sock");
        try (ServerProcess receiver = ServerProcess.start(Cli.jar().command("receiver", "--socket", socket.toString()))) {
            receiver.await("receiving on");

            Process www = new ProcessBuilder(as(33, "sender", "--socket", socket.toString(), "from www-data")).start();
            assertEquals(0, www.waitFor());
            assertEquals(List.of("from pid=" + www.pid() + " uid=33(www-data) gid=33(www-data): from www-data"),
                    receiver.await("from www-data"));

            for (String claim : new String[] {"--uid", "--gid", "--pid"}) {
                String value = claim.equals("--pid") ? Long.toString(receiver.pid()) : "0";
                Cli.Result liar = Cli.run(as(65534, "sender", "--socket", socket.toString(), claim, value, "lie"), "");
                assertEquals(1, liar.exit(), claim);
                assertEquals("error: sendmsg failed: EPERM (Operation not permitted): the kernel accepts only"
                        + " the sender's own pid, uid and gid, unless it is privileged (CAP_SYS_ADMIN for a pid,"
                        + " CAP_SETUID for a uid, CAP_SETGID for a gid)\n", liar.stderr(), claim);
            }

            Process nobody = new ProcessBuilder(as(65534, "sender", "--socket", socket.toString(), "the truth")).start();
            assertEquals(0, nobody.waitFor());
            assertEquals(List.of("from pid=" + nobody.pid() + " uid=65534(nobody) gid=65534(nogroup): the truth"),
                    receiver.await("the truth"), "no lie got through before it");
        }
    }
    // end::other-users[]
}
