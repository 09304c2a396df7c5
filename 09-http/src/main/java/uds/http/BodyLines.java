package uds.http;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import uds.support.Printable;

/**
 * An answer's body, printed a line at a time as its parts arrive (a streamed answer never
 * ends), each line escaped: a server's bytes never steer the terminal. A part may end in the
 * middle of a line, or of a UTF-8 character: only whole lines are decoded.
 */
final class BodyLines {

    /** A line longer than this is printed in pieces of this size. */
    static final int MAX_LINE = 65536;

    private final PrintStream out;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    BodyLines(PrintStream out) {
        this.out = out;
    }

    void accept(byte[] part) {
        for (byte b : part) {
            if (b == '\n' || line.size() == MAX_LINE) {
                printLine();
                if (b == '\n') {
                    continue;
                }
            }
            line.write(b);
        }
        out.flush();
    }

    /** The last line, if the body did not end with a newline. */
    void finish() {
        if (line.size() > 0) {
            printLine();
        }
        out.flush();
    }

    private void printLine() {
        String text = line.toString(StandardCharsets.UTF_8);
        out.println(Printable.line(text.endsWith("\r") ? text.substring(0, text.length() - 1) : text));
        line.reset();
    }
}
