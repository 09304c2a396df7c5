package uds.exercises.postgrespeer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Exercise 10.3: who really listens on a socket, before a client trusts it with anything.
 * (Walkthrough 10, what an attacker can try. Checked by ListenerTest.)
 */
final class Listener {

    /** The pid and uid of the process that accepted a connection to socket. */
    record Who(long pid, long uid) {
    }

    static Who of(Path socket) throws IOException {
        // TODO: this believes a file beside the socket; anyone who can write there can write it
        Path lock = socket.resolveSibling(socket.getFileName() + ".lock");
        long pid = Long.parseLong(Files.readAllLines(lock).getFirst().strip());
        return new Who(pid, (int) Files.getAttribute(lock, "unix:uid"));
    }

    private Listener() {
    }
}
