package uds.exercises.scmrights;

import java.io.FileDescriptor;
import java.io.IOException;

import org.newsclub.net.unix.AFUNIXSocket;

/** Exercise 06.2, solved: size the ancillary receive buffer before the read. */
final class TakeOne {

    static FileDescriptor take(AFUNIXSocket connection) throws IOException {
        connection.setAncillaryReceiveBufferSize(256); // junixsocket's smallest: room for 60
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
