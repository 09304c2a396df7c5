package uds.exercises.scmcredentials;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;

/**
 * Exercise 05.3: walk the control messages recvmsg wrote, as CMSG_FIRSTHDR and CMSG_NXTHDR do.
 * (Walkthrough 05, step 4. Checked by ControlParserTest.)
 */
final class ControlParser {

    /** One control message: its level, its type and how many bytes of data it carries. */
    record Entry(int level, int type, long dataLength) {
    }

    /**
     * The control messages in the first length bytes of control. Each starts at a multiple of 8
     * after the one before; one whose cmsg_len is shorter than its header, or runs past length,
     * is refused with IllegalArgumentException.
     */
    static List<Entry> parse(MemorySegment control, long length) {
        List<Entry> entries = new ArrayList<>();
        long offset = 0;
        while (offset + 16 <= length) {
            long cmsgLen = control.get(JAVA_LONG, offset);
            entries.add(new Entry(control.get(JAVA_INT, offset + 8), control.get(JAVA_INT, offset + 12), cmsgLen - 16));
            // TODO: no length is checked, and the next message does not start right after this one's data.
            offset += Math.max(cmsgLen, 16); // (the max only keeps a zero length from looping forever)
        }
        return entries;
    }

    private ControlParser() {
    }
}
