package uds.exercises.scmrights;

import java.io.FileDescriptor;
import java.io.IOException;

import org.newsclub.net.unix.AFUNIXSocket;

/**
 * Exercise 06.2: receive one byte and the one descriptor it carries, with junixsocket.
 * (Walkthrough 06, step 3. Checked by TakeOneTest.)
 */
final class TakeOne {

    /** Reads one byte from connection and returns the descriptor that came with it; none is an IOException. */
    static FileDescriptor take(AFUNIXSocket connection) throws IOException {
        // TODO: junixsocket receives no descriptors until you say how much room it has for them
        if (connection.getInputStream().read() < 0) {
            throw new IOException("end of stream");
        }
        FileDescriptor[] received = connection.getReceivedFileDescriptors();
        if (received == null || received.length != 1) {
            throw new IOException("expected one descriptor, got " + (received == null ? 0 : received.length));
        }
        return received[0];
    }

    private TakeOne() {
    }
}
