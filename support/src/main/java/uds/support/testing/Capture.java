package uds.support.testing;

import uds.support.ThisProcess;

/**
 * The first line of every transcript: who ran it, on which kernel and JDK, in which locale.
 * Output differs as root and as anyone else, from one kernel to the next, and in the words of
 * strerror from one language to the next, so the page says which it shows.
 */
final class Capture {

    static String line() {
        return "# captured as uid " + ThisProcess.uid() + (ThisProcess.isRoot() ? " (root)" : "")
                + " on Linux " + System.getProperty("os.version") + ", JDK " + Runtime.version()
                + ", LC_ALL=" + System.getenv().getOrDefault("LC_ALL", "(unset)");
    }

    private Capture() {
    }
}
