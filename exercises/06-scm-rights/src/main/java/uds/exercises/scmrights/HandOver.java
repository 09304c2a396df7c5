package uds.exercises.scmrights;

import java.io.FileDescriptor;
import java.io.IOException;

import org.newsclub.net.unix.AFUNIXSocket;

/**
 * Exercise 06.3: send an open descriptor on a stream connection with junixsocket.
 * (Walkthrough 06, step 2. Checked by HandOverTest.)
 */
final class HandOver {

    /** Sends descriptor to the peer of connection; the peer reads one byte to receive it. */
    static void send(AFUNIXSocket connection, FileDescriptor descriptor) throws IOException {
        connection.setOutboundFileDescriptors(descriptor);
        // TODO: does an empty write carry anything on a stream?
        connection.getOutputStream().write(new byte[0]);
        connection.getOutputStream().flush();
    }

    private HandOver() {
    }
}
