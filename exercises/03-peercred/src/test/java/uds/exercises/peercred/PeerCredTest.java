package uds.exercises.peercred;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsclub.net.unix.AFUNIXServerSocket;
import org.newsclub.net.unix.AFUNIXSocket;
import org.newsclub.net.unix.AFUNIXSocketAddress;
import org.newsclub.net.unix.FileDescriptorCast;

import uds.support.ThisProcess;
import uds.support.testing.Exercise;

@Exercise(id = "03.3", title = "Call getsockopt(SO_PEERCRED) yourself", step = "Step 1: ask the kernel",
        file = "PeerCred.java",
        statement = "`ucredBytes(fd)` must ask the kernel for the peer's `struct ucred` with `getsockopt` through"
                + " FFM and return its 12 bytes.",
        hints = {
            "The arguments after the name and the handle are those of the C call: `fd, SOL_SOCKET, SO_PEERCRED, ucred,"
                    + " length`.",
            "`Libc.call` throws an `ErrnoException` if getsockopt returns -1; afterwards `length.get(JAVA_INT, 0)`"
                    + " says how many bytes the kernel wrote."})
class PeerCredTest {

    @TempDir
    Path dir;

    @Test
    void theKernelNamesThisProcessAsThePeer() throws IOException {
        Path path = dir.resolve("peer.sock");
        try (AFUNIXServerSocket server = AFUNIXServerSocket.newInstance()) {
            server.bind(AFUNIXSocketAddress.of(path));
            try (AFUNIXSocket client = AFUNIXSocket.connectTo(AFUNIXSocketAddress.of(path));
                 AFUNIXSocket accepted = server.accept()) {
                int fd = FileDescriptorCast.using(accepted.getFileDescriptor()).as(Integer.class);
                ByteBuffer ucred = ByteBuffer.wrap(PeerCred.ucredBytes(fd)).order(ByteOrder.nativeOrder());
                assertEquals(ProcessHandle.current().pid(), ucred.getInt(0), "pid");
                assertEquals(ThisProcess.uid(), Integer.toUnsignedLong(ucred.getInt(4)), "uid");
                assertEquals(ThisProcess.gid(), Integer.toUnsignedLong(ucred.getInt(8)), "gid");
            }
        }
    }
}
