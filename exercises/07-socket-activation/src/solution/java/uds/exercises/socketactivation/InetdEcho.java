package uds.exercises.socketactivation;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

/** Exercise 07.3, solved: read until end of stream (-1), echoing each piece. */
final class InetdEcho {

    static void serve(SocketChannel connection) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(4096);
        while (connection.read(buffer.clear()) > 0) {
            buffer.flip();
            while (buffer.hasRemaining()) {
                connection.write(buffer);
            }
        }
    }

    private InetdEcho() {
    }
}
