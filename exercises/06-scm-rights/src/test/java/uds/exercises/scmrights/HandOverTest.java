package uds.exercises.scmrights;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uds.support.testing.Exercise;

@Exercise(id = "06.3", title = "Send a descriptor on a stream", step = "Step 2: send an open file",
        file = "HandOver.java",
        statement = "`send` must deliver the descriptor: the receiver reads a byte and finds it attached. As"
                + " written, the receiver waits for 2 s and gets nothing.",
        hints = {
            "On a SOCK_STREAM socket a descriptor travels with data: sendmsg with no bytes sends nothing at all.",
            "Write one byte, such as `write(0)`, after setOutboundFileDescriptors."})
class HandOverTest {

    @TempDir
    Path dir;

    @Test
    void theReceiverFindsTheDescriptorOnTheByteItReads() throws Exception {
        Path file = Files.writeString(dir.resolve("handed.txt"), "handed over");
        try (Connected pair = Connected.in(dir); FileInputStream open = new FileInputStream(file.toFile())) {
            HandOver.send(pair.sender(), open.getFD());
            pair.receiver().setAncillaryReceiveBufferSize(256);
            try {
                assertEquals(0, pair.receiver().getInputStream().read(), "the byte the descriptor rides on");
            } catch (SocketTimeoutException e) {
                throw new AssertionError("nothing arrived within 2 s: no byte, so no descriptor either", e);
            }
            FileDescriptor[] received = pair.receiver().getReceivedFileDescriptors();
            assertEquals(1, received.length, "descriptors attached to that byte");
            try (FileInputStream through = new FileInputStream(received[0])) {
                assertEquals("handed over", new String(through.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
    }
}
