package uds.peercred;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsclub.net.unix.AFUNIXServerSocket;
import org.newsclub.net.unix.AFUNIXSocket;
import org.newsclub.net.unix.AFUNIXSocketAddress;

import uds.support.KernelFeatures;

/** A pidfd from SO_PEERPIDFD follows the peer process itself: alive while it runs, gone after. */
class PeerPidfdTest {

    @BeforeEach
    void needsSoPeerPidfd() {
        assumeTrue(KernelFeatures.PEER_PIDFD, "this kernel has no SO_PEERPIDFD (Linux 6.5 added it)");
    }

    static final String PYTHON = "/usr/bin/python3";

    /** A peer process that connects to socket and stays until its stdin closes. */
    static Process peer(Path socket) throws IOException {
        return new ProcessBuilder(PYTHON, "-c", "import socket, sys\n"
                + "s = socket.socket(socket.AF_UNIX)\ns.connect(sys.argv[1])\nsys.stdin.read()\n", socket.toString()).start();
    }

    @TempDir
    Path dir;

    // tag::gone[]
    @Test
    void thePidfdSaysWhenThePeerIsGoneAndProcIsNotReadForAStranger() throws Exception {
        assumeTrue(Files.isExecutable(Path.of(PYTHON)), "needs " + PYTHON + " as the peer process");
        Path socket = dir.resolve("pidfd.sock");
        try (AFUNIXServerSocket server = AFUNIXServerSocket.newInstance()) {
            server.bind(AFUNIXSocketAddress.of(socket));
            Process peer = peer(socket);
            try (AFUNIXSocket connection = server.accept();
                 PeerPidfd pidfd = PeerPidfd.of(connection.getFileDescriptor())) {
                long pid = Getsockopt.peerCredentials(connection.getFileDescriptor()).pid();
                assertEquals(peer.pid(), pid, "SO_PEERCRED names the peer");
                assertTrue(pidfd.alive());
                assertEquals(Optional.of("Name:\tpython3"), pidfd.procStatus(pid, "Name:"));

                peer.getOutputStream().close(); // the peer exits
                peer.waitFor();

                assertFalse(pidfd.alive(), "pidfd_send_signal(pidfd, 0) gives ESRCH");
                assertEquals(Optional.empty(), pidfd.procStatus(pid, "Name:"), "nothing read about a stranger");
            }
        }
    }
    // end::gone[]

    @Test
    void aPeerInThisProcessIsAlive() throws Exception {
        Path socket = dir.resolve("self.sock");
        try (AFUNIXServerSocket server = AFUNIXServerSocket.newInstance()) {
            server.bind(AFUNIXSocketAddress.of(socket));
            try (AFUNIXSocket client = AFUNIXSocket.connectTo(AFUNIXSocketAddress.of(socket));
                 AFUNIXSocket connection = server.accept();
                 PeerPidfd pidfd = PeerPidfd.of(connection.getFileDescriptor())) {
                assertTrue(pidfd.alive());
                assertTrue(pidfd.procStatus(ProcessHandle.current().pid(), "Pid:").orElseThrow()
                        .endsWith("\t" + ProcessHandle.current().pid()), "our own status");
                pidfd.close(); // and once more by try-with-resources: closing twice is safe
            }
        }
    }
}
