package uds.peercred;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsclub.net.unix.AFUNIXServerSocket;
import org.newsclub.net.unix.AFUNIXSocket;
import org.newsclub.net.unix.AFUNIXSocketAddress;

import uds.support.ThisProcess;
import uds.support.testing.RequiresRoot;
import uds.support.testing.Transcript;

/**
 * The race SO_PEERCRED cannot win, staged: the peer exits, and its pid is handed to a new
 * process (root can ask for the next pid through /proc/sys/kernel/ns_last_pid). The bare pid
 * now names a stranger; the pidfd says the peer is gone.
 */
class PidReuseIT {

    private static final Transcript transcript = new Transcript();

    @TempDir
    Path dir;

    @BeforeAll
    static void sayWhyNotCaptured() {
        if (!ThisProcess.isRoot()) {
            transcript.note("(Not captured: the tests ran as uid " + ThisProcess.uid()
                    + ". Run ./mvnw verify as root to see a pid reused.)");
        }
    }

    @AfterAll
    static void writeTranscript() throws IOException {
        transcript.write("pid-reuse");
    }

    // tag::reuse[]
    @Test
    @RequiresRoot("choosing the next pid (/proc/sys/kernel/ns_last_pid)")
    void theBarePidLiesThePidfdDoesNot() throws Exception {
        assumeTrue(Files.isExecutable(Path.of(PeerPidfdTest.PYTHON)), "needs " + PeerPidfdTest.PYTHON + " as the peer process");
        Path socket = dir.resolve("reuse.sock");
        try (AFUNIXServerSocket server = AFUNIXServerSocket.newInstance()) {
            server.bind(AFUNIXSocketAddress.of(socket));
            Process peer = PeerPidfdTest.peer(socket);
            try (AFUNIXSocket connection = server.accept();
                 PeerPidfd pidfd = PeerPidfd.of(connection.getFileDescriptor())) {
                long pid = Getsockopt.peerCredentials(connection.getFileDescriptor()).pid();
                transcript.note("peer connected: SO_PEERCRED pid=" + pid + ", /proc/" + pid + " says "
                        + pidfd.procStatus(pid, "Name:").orElseThrow().replace('\t', ' '));
                peer.getOutputStream().close();
                peer.waitFor();
                transcript.note("the peer exited; the server still holds pid " + pid + " and its pidfd");

                Process stranger = processWithPid(pid);
                try {
                    String name = Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")).getFirst();
                    transcript.note("a new process got pid " + pid + ": /proc/" + pid + " now says "
                            + name.replace('\t', ' ') + "  <- the bare pid names a stranger");
                    assertEquals("Name:\tsleep", name);
                    assertFalse(pidfd.alive());
                    assertEquals(Optional.empty(), pidfd.procStatus(pid, "Name:"));
                    transcript.note("pidfd_send_signal(pidfd, 0): ESRCH, our peer is gone; procStatus: "
                            + pidfd.procStatus(pid, "Name:"));
                } finally {
                    stranger.destroyForcibly().waitFor();
                }
            }
        }
    }
    // end::reuse[]

    /** Starts sleep as pid, by telling the kernel which pid came last; a few tries, as other processes may race us. */
    private static Process processWithPid(long pid) throws Exception {
        for (int attempt = 0; attempt < 50; attempt++) {
            Files.writeString(Path.of("/proc/sys/kernel/ns_last_pid"), Long.toString(pid - 1));
            Process process = new ProcessBuilder("sleep", "30").start();
            if (process.pid() == pid) {
                return process;
            }
            process.destroyForcibly().waitFor();
        }
        throw new IllegalStateException("could not get pid " + pid + " for a new process in 50 tries");
    }
}
