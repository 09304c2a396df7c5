package uds.scmcredentials;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import uds.support.ServerProcess;

/**
 * Reads a receiver's output until it has accounted for a number of messages: a line each for
 * the first {@link Receiver#SHOWN_PER_WINDOW} of a sender in a window, a count line for the
 * rest ("80 more messages from uid ... in the last 5 s").
 */
final class ReceiverOutput {

    private static final Pattern COUNTED = Pattern.compile("(\\d+) more messages from .* in the last \\d+ s");

    /** The lines read, up to the one that accounts for the last of count messages. */
    static List<String> accountFor(ServerProcess receiver, int count) throws IOException, InterruptedException {
        List<String> lines = new ArrayList<>();
        for (int accounted = 0; accounted < count; ) {
            String line = receiver.await("").getLast();
            lines.add(line);
            Matcher counted = COUNTED.matcher(line);
            if (line.startsWith("from ")) {
                accounted++;
            } else if (counted.matches()) {
                accounted += Integer.parseInt(counted.group(1));
            }
        }
        return lines;
    }

    private ReceiverOutput() {
    }
}
