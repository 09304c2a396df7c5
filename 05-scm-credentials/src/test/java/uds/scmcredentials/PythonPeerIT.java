package uds.scmcredentials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uds.support.Credentials;
import uds.support.ServerProcess;
import uds.support.UserDatabase;
import uds.support.testing.JarUnderTest;

/** The same bytes from another language: a small Python peer (src/test/resources/peer.py). */
class PythonPeerIT {

    private static final Path PYTHON = Path.of("/usr/bin/python3");

    @TempDir
    Path dir;

    private Path peer;

    @BeforeEach
    void needsPython() throws Exception {
        assumeTrue(Files.isExecutable(PYTHON), "/usr/bin/python3 is not installed");
        peer = Path.of(getClass().getResource("/peer.py").toURI());
    }

    private static String me() {
        Credentials own = Credentials.own();
        return "uid=" + UserDatabase.userLabel(own.uid()) + " gid=" + UserDatabase.groupLabel(own.gid());
    }

    @Test
    void aPythonSenderIsNamedByTheJavaReceiver() throws Exception {
        Path socket = dir.resolve("r.sock");
        try (ServerProcess receiver = ServerProcess.start(JarUnderTest.get().command("receiver", "--socket", socket.toString()))) {
            receiver.await("receiving on");
            Process python = new ProcessBuilder(PYTHON.toString(), peer.toString(), "send", socket.toString(), "from python")
                    .inheritIO().start();
            assertEquals(0, python.waitFor());
            assertEquals(List.of("from pid=" + python.pid() + " " + me() + ": \"from python\""), receiver.await("from python"));
        }
    }

    @Test
    void aJavaSenderIsNamedByThePythonReceiver() throws Exception {
        Path socket = dir.resolve("p.sock");
        try (ServerProcess python = ServerProcess.start(List.of(PYTHON.toString(), peer.toString(), "receive", socket.toString()))) {
            python.await("ready");
            Process java = new ProcessBuilder(JarUnderTest.get().command("sender", "--socket", socket.toString(), "from java")).start();
            assertEquals(0, java.waitFor());
            Credentials own = Credentials.own();
            assertEquals(List.of("from pid=" + java.pid() + " uid=" + own.uid() + " gid=" + own.gid() + ": from java"),
                    python.await("from java"));
        }
    }
}
