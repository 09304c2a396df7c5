package uds.exercises.seqpacket;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Exercise 04.3: a LIST request whose answer may not fit in one datagram. (Walkthrough 04,
 * exercise 1 of the open questions. Checked by ListReplyTest.)
 */
final class ListReply {

    /**
     * The reply to LIST as datagrams of at most max bytes each: the settings as "key=value\n"
     * lines, in order, never a line split across two datagrams, then one datagram "END".
     * Assume every line fits in max bytes.
     */
    static List<byte[]> datagrams(Map<String, String> settings, int max) {
        // TODO: everything goes into one datagram, however long it gets.
        StringBuilder all = new StringBuilder();
        settings.forEach((key, value) -> all.append(key).append('=').append(value).append('\n'));
        List<byte[]> reply = new ArrayList<>();
        reply.add(all.toString().getBytes(StandardCharsets.UTF_8));
        reply.add("END".getBytes(StandardCharsets.US_ASCII));
        return reply;
    }

    private ListReply() {
    }
}
