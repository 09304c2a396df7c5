package uds.exercises.socketactivation;

import java.io.IOException;

import org.newsclub.net.unix.AFUNIXServerSocket;
import org.newsclub.net.unix.FileDescriptorCast;

/**
 * Exercise 07.2: adopt an inherited listening socket with junixsocket, and leave its file
 * alone: the service manager made it and keeps it. (Walkthrough 07, step 3. Checked by
 * AdoptedSocketTest.)
 */
final class AdoptedSocket {

    /** The listening socket at descriptor fd, as a server socket whose close removes no file. */
    static AFUNIXServerSocket adopt(int fd) throws IOException {
        AFUNIXServerSocket server = FileDescriptorCast.unsafeUsing(fd).as(AFUNIXServerSocket.class);
        // TODO: what does junixsocket do with a server socket's file when it closes?
        return server;
    }

    private AdoptedSocket() {
    }
}
