package uds.exercises.seqpacket;

/**
 * Exercise 04.2: the configuration file holds one key=value per line, so a value must not be
 * able to start a line of its own. (Walkthrough 04, step 3. Checked by ValueCheckTest.)
 */
final class ValueCheck {

    /** Returns value if it is safe to write as one line; otherwise IllegalArgumentException. */
    static String check(String value) {
        // TODO: \n is not the only character that ends a line for some reader, or a C string.
        if (value.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("bad value: no newline");
        }
        return value;
    }

    private ValueCheck() {
    }
}
