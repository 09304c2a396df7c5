package uds.exercises.socketactivation;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

/**
 * Exercise 07.3: an inetd-style server's whole life: one process, one connection, served until
 * the client closes it. (Walkthrough 07, step 4. Checked by InetdEchoTest.)
 */
final class InetdEcho {

    /** Echoes everything the client sends, until it closes its side. */
    static void serve(SocketChannel connection) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(4096);
        // TODO: one read is not the whole connection
        if (connection.read(buffer) > 0) {
            buffer.flip();
            while (buffer.hasRemaining()) {
                connection.write(buffer);
            }
        }
    }

    private InetdEcho() {
    }
}
