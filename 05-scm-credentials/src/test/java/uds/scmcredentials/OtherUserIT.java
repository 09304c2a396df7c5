package uds.scmcredentials;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import uds.support.LessonJar;
import uds.support.OtherUser;
import uds.support.ServerProcess;
import uds.support.UserDatabase;
import uds.support.testing.Commands;
import uds.support.testing.JarUnderTest;
import uds.support.testing.RequiresRoot;
import uds.support.testing.Users;

/** Senders run as other real users (root only): the kernel vouches for each, and refuses their lies. */
@RequiresRoot("running a sender as another user (setpriv)")
class OtherUserIT {

    private Path dir;
    private LessonJar readableJar;

    @BeforeEach
    void prepare() throws IOException {
        dir = Files.createTempDirectory(Path.of("/tmp"), "uds-scm-it-");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        readableJar = JarUnderTest.get().readableCopy(dir);
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

    private List<String> as(OtherUser user, String... args) {
        return user.command(readableJar.command(args));
    }

    /** {@code uid=33(www-data) gid=33(www-data)}, as the receiver describes a sender. */
    private static String ids(OtherUser user) {
        return "uid=" + UserDatabase.userLabel(user.uid()) + " gid=" + UserDatabase.groupLabel(user.gid());
    }

    // tag::other-users[]
    @Test
    void theReceiverLearnsEachSendersUserAndAClaimIsRefused() throws Exception {
        Path socket = dir.resolve("r.sock");
        try (ServerProcess receiver = ServerProcess.start(JarUnderTest.get().command("receiver", "--socket", socket.toString()))) {
            receiver.await("receiving on");

            Process www = new ProcessBuilder(as(Users.wwwData(), "sender", "--socket", socket.toString(), "from www-data")).start();
            assertEquals(0, www.waitFor());
            assertEquals(List.of("from pid=" + www.pid() + " " + ids(Users.wwwData()) + ": \"from www-data\""),
                    receiver.await("from www-data"));

            for (String claim : new String[] {"--uid", "--gid", "--pid"}) {
                String value = claim.equals("--pid") ? Long.toString(receiver.pid()) : "0";
                Commands.Result liar = Commands.run(as(Users.nobody(), "sender", "--socket", socket.toString(), claim, value, "lie"), "");
                assertEquals(1, liar.exit(), claim);
                assertEquals("error: sendmsg failed: EPERM (Operation not permitted): the kernel accepts only"
                        + " the sender's own pid, and a uid and gid among its real, effective and saved ones,"
                        + " unless it is privileged (CAP_SYS_ADMIN for a pid, CAP_SETUID for a uid, CAP_SETGID"
                        + " for a gid)\n", liar.stderr(), claim);
            }

            Process nobody = new ProcessBuilder(as(Users.nobody(), "sender", "--socket", socket.toString(), "the truth")).start();
            assertEquals(0, nobody.waitFor());
            assertEquals(List.of("from pid=" + nobody.pid() + " " + ids(Users.nobody()) + ": \"the truth\""),
                    receiver.await("the truth"), "no lie got through before it");
        }
    }
    // end::other-users[]
}
