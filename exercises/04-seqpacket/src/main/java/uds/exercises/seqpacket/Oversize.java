package uds.exercises.seqpacket;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ByteChannel;
import java.util.Arrays;

/**
 * Exercise 04.1: SOCK_SEQPACKET cuts a datagram longer than the buffer, and through junixsocket
 * it does so without a word. (Walkthrough 04, step 3. Checked by OversizeTest.)
 */
final class Oversize {

    /** A datagram longer than the server accepts. */
    static final class TooLarge extends IOException {
        TooLarge(int max) {
            super("datagram longer than " + max + " bytes");
        }
    }

    /** Reads one datagram of at most max bytes; a longer one is TooLarge, never returned cut. */
    static byte[] receive(ByteChannel channel, int max) throws IOException {
        // TODO: a datagram longer than this buffer is cut to it, and nothing says so.
        ByteBuffer buffer = ByteBuffer.allocate(max);
        channel.read(buffer);
        return Arrays.copyOf(buffer.array(), buffer.position());
    }

    private Oversize() {
    }
}
