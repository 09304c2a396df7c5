package uds.support.testing;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import uds.support.ServerProcess;

/**
 * Reads what a server logs through a {@link uds.support.ThrottledLog} until a number of events
 * is accounted for: one line each for those logged in full, and for the rest the count lines
 * ("499 more refusals while full in the last 5 s").
 */
public final class ThrottledOutput {

    /**
     * The lines that accounted for count events, in order: each line that full accepts counts
     * one, each count line that begins "N more " + counted counts N; other lines are passed over.
     */
    public static List<String> accountFor(ServerProcess server, int count, Predicate<String> full, String counted)
            throws IOException, InterruptedException {
        Pattern more = Pattern.compile("(\\d+) more " + Pattern.quote(counted) + ".* in the last \\d+ s");
        List<String> lines = new ArrayList<>();
        for (int accounted = 0; accounted < count; ) {
            String line = server.await("").getLast();
            Matcher counts = more.matcher(line);
            if (full.test(line)) {
                accounted++;
                lines.add(line);
            } else if (counts.matches()) {
                accounted += Integer.parseInt(counts.group(1));
                lines.add(line);
            }
        }
        return lines;
    }

    private ThrottledOutput() {
    }
}
