package uds.exercises.abstractnamespace;

import java.io.IOException;

import org.newsclub.net.unix.AFUNIXSocket;
import org.newsclub.net.unix.AFUNIXSocketAddress;

/**
 * Exercise 02.2: anyone may bind a free abstract name, so a client must ask who answers
 * before it sends anything. (Walkthrough 02, step 3. Checked by CheckedClientTest.)
 */
final class CheckedClient {

    /**
     * Connects to address and returns the connection if, and only if, the server runs as
     * expectedUid; otherwise closes it, having sent nothing, and throws an IOException.
     */
    static AFUNIXSocket connect(AFUNIXSocketAddress address, long expectedUid) throws IOException {
        AFUNIXSocket socket = AFUNIXSocket.connectTo(address);
        // TODO: who is at the other end? Ask the kernel (SO_PEERCRED) before returning.
        return socket;
    }

    private CheckedClient() {
    }
}
