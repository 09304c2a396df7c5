package uds.exercises.postgrespeer;

import java.io.IOException;
import java.nio.file.Path;

import org.newsclub.net.unix.AFUNIXSocket;
import org.newsclub.net.unix.AFUNIXSocketAddress;
import org.newsclub.net.unix.AFUNIXSocketCredentials;

/**
 * Exercise 10.3, solved: connect, and ask the kernel (SO_PEERCRED) who is on the other end:
 * lesson 03 from the client's side, what libpq's requirepeer does. A lock file is a claim
 * anyone who may write the directory can make.
 */
final class Listener {

    record Who(long pid, long uid) {
    }

    static Who of(Path socket) throws IOException {
        try (AFUNIXSocket connection = AFUNIXSocket.connectTo(AFUNIXSocketAddress.of(socket))) {
            AFUNIXSocketCredentials peer = connection.getPeerCredentials();
            return new Who(peer.getPid(), peer.getUid());
        }
    }

    private Listener() {
    }
}
