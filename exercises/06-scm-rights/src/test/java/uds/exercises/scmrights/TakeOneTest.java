package uds.exercises.scmrights;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uds.support.testing.Exercise;

@Exercise(id = "06.2", title = "Receive the descriptor", step = "Step 3: receive it, with room for it",
        file = "TakeOne.java",
        statement = "`take` must return the descriptor that came with the byte it reads. As written, the byte"
                + " arrives and the descriptor does not, and nothing says why.",
        hints = {
            "junixsocket's ancillary receive buffer is 0 bytes until you set it: the kernel finds no room for the"
                    + " descriptor and drops it.",
            "Call `connection.setAncillaryReceiveBufferSize(256)` before reading."})
class TakeOneTest {

    @TempDir
    Path dir;

    @Test
    void theDescriptorThatCameWithTheByteIsReturned() throws Exception {
        Path file = Files.writeString(dir.resolve("passed.txt"), "came through a descriptor");
        try (Connected pair = Connected.in(dir); FileInputStream open = new FileInputStream(file.toFile())) {
            pair.sender().setOutboundFileDescriptors(open.getFD());
            pair.sender().getOutputStream().write('x');
            FileDescriptor received = TakeOne.take(pair.receiver());
            try (FileInputStream through = new FileInputStream(received)) {
                assertEquals("came through a descriptor", new String(through.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
    }
}
