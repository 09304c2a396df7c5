package uds.exercises.scmrights;

import java.io.FileDescriptor;
import java.io.IOException;

import org.newsclub.net.unix.AFUNIXSocket;

/** Exercise 06.3, solved: the descriptor rides on a byte; with no byte it goes nowhere. */
final class HandOver {

    static void send(AFUNIXSocket connection, FileDescriptor descriptor) throws IOException {
        connection.setOutboundFileDescriptors(descriptor);
        connection.getOutputStream().write(0);
        connection.getOutputStream().flush();
    }

    private HandOver() {
    }
}
