package uds.exercises.seqpacket;

/**
 * Exercise 04.2: the configuration file holds one key=value per line, so a value must not be
 * able to start a line of its own. (Walkthrough 04, step 3. Checked by ValueCheckTest.)
 */
final class ValueCheck {

    /** Returns value if it is safe to write as one line; otherwise IllegalArgumentException. */
    static String check(String value) {
        // \r ends a line for many readers; NUL ends the string for any C program that reads the file.
        if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0 || value.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("bad value: no newline, carriage return or NUL");
        }
        return value;
    }

    private ValueCheck() {
    }
}
