package uds.exercises.socketactivation;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsclub.net.unix.AFUNIXServerSocket;
import org.newsclub.net.unix.AFUNIXSocket;
import org.newsclub.net.unix.AFUNIXSocketAddress;
import org.newsclub.net.unix.FileDescriptorCast;

import uds.support.testing.Exercise;

@Exercise(id = "07.2", title = "Adopt the socket, keep its file", step = "Step 3: check descriptor 3, then adopt it",
        file = "AdoptedSocket.java",
        statement = "`adopt(fd)` must give a server socket that accepts on the inherited descriptor and, when it"
                + " closes, leaves the socket file where the service manager made it.",
        hints = {
            "junixsocket deletes a server socket's file on close, and an adopted socket knows its path (getsockname).",
            "`server.setDeleteOnClose(false)` before returning it."})
class AdoptedSocketTest {

    @TempDir
    Path dir;

    @Test
    void theAdoptedSocketServesAndItsFileOutlivesIt() throws Exception {
        Path path = dir.resolve("managed.sock");
        // The service manager's part: it binds, listens and keeps its own descriptor.
        try (AFUNIXServerSocket manager = AFUNIXServerSocket.bindOn(AFUNIXSocketAddress.of(path))) {
            manager.setDeleteOnClose(false);
            // What the service inherits: another descriptor of the same listening socket.
            int inherited = FileDescriptorCast.using(
                    FileDescriptorCast.duplicating(manager.getFileDescriptor()).getFileDescriptor()).as(Integer.class);
            try (AFUNIXServerSocket server = AdoptedSocket.adopt(inherited);
                 AFUNIXSocket client = AFUNIXSocket.connectTo(AFUNIXSocketAddress.of(path));
                 AFUNIXSocket accepted = server.accept()) {
                client.getOutputStream().write('x');
                assertTrue(accepted.getInputStream().read() == 'x', "the adopted socket accepted the client");
            }
            assertTrue(Files.exists(path, LinkOption.NOFOLLOW_LINKS), "the service's close left the manager's file");
        }
    }
}
