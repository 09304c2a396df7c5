package uds.exercises.seqpacket;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uds.support.testing.Exercise;

@Exercise(id = "04.1", title = "Detect an oversized datagram", step = "Step 3: bad input is answered, never fatal",
        file = "Oversize.java",
        statement = "`receive(channel, max)` must return a datagram of up to `max` bytes whole, and throw `TooLarge`"
                + " for a longer one instead of handing back its first `max` bytes.",
        hints = {
            "The kernel cuts a datagram to the buffer (recvmsg would say MSG_TRUNC; junixsocket's read says nothing)."
                    + " You cannot ask afterwards how long it was.",
            "Read into a buffer one byte larger than `max`: if that byte was filled, the datagram was too long."})
class OversizeTest {

    @TempDir
    Path dir;

    @Test
    void aDatagramOfExactlyTheLimitComesWhole() throws IOException {
        byte[] sent = new byte[4096];
        Arrays.fill(sent, (byte) 'a');
        try (SeqpacketPair pair = SeqpacketPair.open(dir.resolve("s.sock"))) {
            pair.client().getChannel().write(ByteBuffer.wrap(sent));
            assertArrayEquals(sent, Oversize.receive(pair.server().getChannel(), 4096));
        }
    }

    @Test
    void aLongerDatagramIsTooLargeNotCut() throws IOException {
        try (SeqpacketPair pair = SeqpacketPair.open(dir.resolve("s.sock"))) {
            pair.client().getChannel().write(ByteBuffer.wrap(new byte[5000]));
            assertThrows(Oversize.TooLarge.class, () -> Oversize.receive(pair.server().getChannel(), 4096));
        }
    }
}
