package uds.scmcredentials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uds.support.SocketConstants.SO_TIMESTAMP;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uds.support.ControlMessage;
import uds.support.Credentials;
import uds.support.SocketMessages;
import uds.support.UnixSocket;
import uds.support.testing.Transcript;

/**
 * The walkthrough's view of steps 1 and 4: the sizes the layouts give, and what the receiver
 * says for three real messages: an ordinary one, one whose control buffer is one byte short,
 * and one that carries a control message the receiver did not ask about.
 */
class ControlMessagesIT {

    @TempDir
    Path dir;

    @Test
    void sizesAndThreeRealMessagesAsTheReceiverDescribesThem() throws IOException {
        Transcript transcript = new Transcript();
        transcript.note("sizeof(struct msghdr) = " + SocketMessages.MSGHDR.byteSize()
                + ", sizeof(struct cmsghdr) = " + ControlMessage.CMSGHDR.byteSize()
                + ", sizeof(struct ucred) = " + Credentials.UCRED.byteSize());
        transcript.note("CMSG_LEN(12) = " + ControlMessage.len(12) + ", CMSG_SPACE(12) = " + ControlMessage.space(12)
                + ", the receiver's control buffer: " + UnixSocket.CONTROL_SPACE + " bytes");
        assertEquals(56, SocketMessages.MSGHDR.byteSize());
        assertEquals(16, ControlMessage.CMSGHDR.byteSize());
        assertEquals(List.of(28L, 32L), List.of(ControlMessage.len(12), ControlMessage.space(12)));

        String own = Credentials.own().describe();
        assertEquals(List.of("from " + own + ": \"an ordinary message\""),
                send(transcript, "an ordinary message", UnixSocket.CONTROL_SPACE, false));
        assertEquals(List.of("from (control messages cut off: MSG_CTRUNC, credentials unknown): \"a control buffer"
                + " one byte short\""), send(transcript, "a control buffer one byte short", ControlMessage.len(12) - 1, false));
        List<String> timestamped = send(transcript, "SO_TIMESTAMP on as well", UnixSocket.CONTROL_SPACE, true);
        assertEquals("from " + own + ": \"SO_TIMESTAMP on as well\"", timestamped.getFirst());
        assertTrue(timestamped.get(1).startsWith("note: ignored control message level 1 type " + SO_TIMESTAMP),
                timestamped.get(1));
        transcript.write("control-messages");
    }

    /** Sends text to a fresh receiver and returns the receiver's lines for it, noted in the transcript too. */
    private List<String> send(Transcript transcript, String text, long controlSpace, boolean timestamp) throws IOException {
        Path path = dir.resolve("r" + System.nanoTime() + ".sock");
        try (UnixSocket receiver = UnixSocket.datagram(); UnixSocket sender = UnixSocket.datagram()) {
            receiver.passCredentials(true);
            if (timestamp) {
                receiver.setOption(SO_TIMESTAMP, 1);
            }
            receiver.bind(path);
            sender.send(path, text.getBytes(StandardCharsets.UTF_8), Credentials.own());
            transcript.note("");
            transcript.note("# " + text + " (control buffer " + controlSpace + " bytes):");
            List<String> described = receiver.receive(controlSpace).describe();
            described.forEach(transcript::note);
            return described;
        }
    }
}
