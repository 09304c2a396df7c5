package uds.support;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads lines of at most a given number of bytes. {@code BufferedReader.readLine} keeps
 * reading until it sees a newline, however much memory that takes: a peer that sends 200 MB
 * with no newline makes the server hold 200 MB (twice, as chars). Here memory is bounded by
 * the cap, and a longer line is an error the caller can answer.
 */
public final class LineReader {

    /** A line longer than the cap: nothing of it is returned. */
    public static final class LineTooLong extends IOException {
        LineTooLong(int max) {
            super("line longer than " + max + " bytes");
        }
    }

    private final InputStream in;
    private final int max;
    private final byte[] buffer = new byte[8192];
    private int start;
    private int end;
    // The line so far. It grows by doubling, never past max: a peer that sends one byte per
    // write costs as many copies as a peer that sends the line at once, not one per byte.
    private byte[] line = new byte[256];
    private int length;

    public LineReader(InputStream in, int maxLineBytes) {
        this.in = in;
        this.max = maxLineBytes;
    }

    // tag::read[]
    /** The next line's bytes without its '\n'; null at end of stream (a last line with no newline counts). */
    public byte[] readLine() throws IOException {
        length = 0;
        while (true) {
            for (int i = start; i < end; i++) {
                if (buffer[i] == '\n') {
                    append(i);
                    start = i + 1;
                    return Arrays.copyOf(line, length);
                }
            }
            append(end); // no newline yet: keep what we have, if it fits
            int n = in.read(buffer, 0, buffer.length);
            if (n < 0) {
                return length == 0 ? null : Arrays.copyOf(line, length);
            }
            start = 0;
            end = n;
        }
    }
    // end::read[]

    private void append(int upTo) throws LineTooLong {
        int more = upTo - start;
        if (length + more > max) {
            throw new LineTooLong(max);
        }
        if (length + more > line.length) {
            line = Arrays.copyOf(line, Math.min(max, Math.max(2 * line.length, length + more)));
        }
        System.arraycopy(buffer, start, line, length, more);
        length += more;
        start = upTo;
    }
}
