package uds.exercises.socketactivation;

import java.io.IOException;

import org.newsclub.net.unix.AFUNIXServerSocket;
import org.newsclub.net.unix.FileDescriptorCast;

/** Exercise 07.2, solved: deleteOnClose is on by default, for adopted sockets too. */
final class AdoptedSocket {

    static AFUNIXServerSocket adopt(int fd) throws IOException {
        AFUNIXServerSocket server = FileDescriptorCast.unsafeUsing(fd).as(AFUNIXServerSocket.class);
        server.setDeleteOnClose(false);
        return server;
    }

    private AdoptedSocket() {
    }
}
