package uds.support;

import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Arrays;

/**
 * Reads lines of at most a given number of bytes. {@code BufferedReader.readLine} keeps
 * reading until it sees a newline, however much memory that takes: a peer that sends 200 MB
 * with no newline makes the server hold 200 MB (twice, as chars). Here memory is bounded by
 * the cap, and a longer line is an error the caller can answer.
 *
 * <p>With a deadline, each line must be complete within that time of the previous one: a read
 * timeout alone restarts with every byte, and a peer that sends one byte just before each
 * timeout would keep its connection, and its slot, for ever.
 */
public final class LineReader {

    /** A line longer than the cap: nothing of it is returned. */
    public static final class LineTooLong extends IOException {
        LineTooLong(int max) {
            super("line longer than " + max + " bytes");
        }
    }

    /** Part of a line came, not all of it, within the deadline: a trickle, not silence. */
    public static final class TooSlow extends SocketTimeoutException {
        TooSlow(Duration deadline) {
            super("no complete line within " + deadline.toSeconds() + " s");
        }
    }

    /** Sets how long the next read may block, as {@code Socket::setSoTimeout} does. */
    @FunctionalInterface
    public interface ReadTimeout {
        void set(int millis) throws IOException;
    }

    private final InputStream in;
    private final int max;
    private final Duration deadline;
    private final ReadTimeout timeout;
    private final byte[] buffer = new byte[8192];
    private int start;
    private int end;
    // The line so far. It grows by doubling, never past max: a peer that sends one byte per
    // write costs as many copies as a peer that sends the line at once, not one per byte.
    private byte[] line = new byte[256];
    private int length;

    public LineReader(InputStream in, int maxLineBytes) {
        this(in, maxLineBytes, null, null);
    }

    /** Each line must be complete within deadline of the last; timeout sets each read's share. */
    public LineReader(InputStream in, int maxLineBytes, Duration deadline, ReadTimeout timeout) {
        this.in = in;
        this.max = maxLineBytes;
        this.deadline = deadline;
        this.timeout = timeout;
    }

    // tag::read[]
    /** The next line's bytes without its '\n'; null at end of stream (a last line with no newline counts). */
    public byte[] readLine() throws IOException {
        length = 0;
        long due = deadline == null ? 0 : System.nanoTime() + deadline.toNanos();
        while (true) {
            for (int i = start; i < end; i++) {
                if (buffer[i] == '\n') {
                    append(i);
                    start = i + 1;
                    return Arrays.copyOf(line, length);
                }
            }
            append(end); // no newline yet: keep what we have, if it fits
            int n = read(due);
            if (n < 0) {
                return length == 0 ? null : Arrays.copyOf(line, length);
            }
            start = 0;
            end = n;
        }
    }
    // end::read[]

    /** One read, which may block only until the line is due. */
    private int read(long due) throws IOException {
        if (deadline == null) {
            return in.read(buffer, 0, buffer.length);
        }
        long left = due - System.nanoTime();
        try {
            if (left <= 0) {
                throw new SocketTimeoutException();
            }
            timeout.set((int) Math.max(1, Math.min(Integer.MAX_VALUE, left / 1_000_000)));
            return in.read(buffer, 0, buffer.length);
        } catch (SocketTimeoutException e) {
            if (length > 0) {
                throw new TooSlow(deadline);
            }
            throw e; // silence: the caller's idle timeout
        }
    }

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
