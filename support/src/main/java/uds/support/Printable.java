package uds.support;

/** Text made safe for one line of a terminal or a log: no line breaks, no escape sequences. */
public final class Printable {

    /**
     * {@code hello\nworld}, {@code \x1b[31m}: control characters written as escapes, so that
     * nothing in the text can start a line of its own or steer the terminal.
     */
    public static String line(String text) {
        StringBuilder safe = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            switch (c) {
                case '\n' -> safe.append("\\n");
                case '\r' -> safe.append("\\r");
                case '\t' -> safe.append("\\t");
                case '\\' -> safe.append("\\\\");
                default -> {
                    if (Character.isISOControl(c) || c == 0x2028 || c == 0x2029) {
                        safe.append(c <= 0xff ? String.format("\\x%02x", c) : String.format("\\u%04x", c));
                    } else {
                        safe.appendCodePoint(c);
                    }
                }
            }
        });
        return safe.toString();
    }

    private Printable() {
    }
}
