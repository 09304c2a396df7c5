package uds.exercises.seqpacket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uds.support.testing.Exercise;

@Exercise(id = "04.3", title = "LIST: fit a long reply into datagrams", step = "Step 1: connection-oriented datagrams",
        file = "ListReply.java",
        statement = "`datagrams(settings, max)` must split the `key=value` lines into datagrams of at most `max` bytes,"
                + " never splitting a line, and end with a datagram `END`.",
        hints = {
            "Fill one datagram line by line; when the next line would not fit, the datagram is done and the line"
                    + " starts the next one.",
            "A `ByteArrayOutputStream` per datagram: `size()` tells you what is in it, `reset()` starts the next.",
            "Do not forget the last, partly filled datagram before `END`."})
class ListReplyTest {

    @TempDir
    Path dir;

    private static Map<String, String> settings(int n) {
        Map<String, String> settings = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            settings.put("key" + i, "value number " + i);
        }
        return settings;
    }

    @Test
    void eachDatagramFitsAndNoLineIsSplit() {
        List<byte[]> reply = ListReply.datagrams(settings(40), 100);
        assertEquals("END", new String(reply.getLast(), StandardCharsets.US_ASCII));
        StringBuilder lines = new StringBuilder();
        for (byte[] datagram : reply.subList(0, reply.size() - 1)) {
            assertTrue(datagram.length <= 100, "a datagram of " + datagram.length + " bytes");
            String text = new String(datagram, StandardCharsets.UTF_8);
            assertTrue(text.endsWith("\n"), "ends with a whole line: " + text);
            lines.append(text);
        }
        StringBuilder expected = new StringBuilder();
        settings(40).forEach((key, value) -> expected.append(key).append('=').append(value).append('\n'));
        assertEquals(expected.toString(), lines.toString(), "every line, in order");
    }

    @Test
    void overSeqpacketEachArrivesAsItWasSent() throws IOException {
        List<byte[]> reply = ListReply.datagrams(settings(40), 100);
        List<Integer> received = new ArrayList<>();
        try (SeqpacketPair pair = SeqpacketPair.open(dir.resolve("s.sock"))) {
            for (byte[] datagram : reply) {
                pair.server().getChannel().write(ByteBuffer.wrap(datagram));
            }
            ByteBuffer buffer = ByteBuffer.allocate(101);
            for (int i = 0; i < reply.size(); i++) {
                pair.client().getChannel().read(buffer.clear());
                received.add(buffer.position());
            }
        }
        assertEquals(reply.stream().map(d -> d.length).toList(), received, "the boundaries are kept");
        assertTrue(reply.size() > 2, "40 settings do not fit in one datagram of 100 bytes");
    }
}
