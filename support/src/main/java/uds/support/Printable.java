package uds.support;

/**
 * Text made safe for one line of a terminal or a log: no line breaks, no escape sequences, and
 * nothing that changes how the rest of the line is shown.
 */
public final class Printable {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    /**
     * {@code hello\nworld}, {@code \x1b[31m}: every character that is not plain visible text
     * written as an escape, so that nothing in the text can start a line of its own, steer the
     * terminal, or reorder what a terminal or an editor shows: control characters (Cc), format
     * characters such as the bidirectional override U+202E, the isolates U+2066-2069 or the
     * zero-width space (Cf), line and paragraph separators (Zl, Zp), private use (Co), lone
     * surrogates (Cs) and unassigned code points (Cn). One pass, no formatting call per
     * character: a peer's megabyte costs a megabyte's work.
     */
    public static String line(String text) {
        StringBuilder safe = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            switch (c) {
                case '\n' -> safe.append("\\n");
                case '\r' -> safe.append("\\r");
                case '\t' -> safe.append("\\t");
                case '\\' -> safe.append("\\\\");
                default -> {
                    if (!shown(c)) {
                        escape(safe, c);
                    } else {
                        safe.appendCodePoint(c);
                    }
                }
            }
        }
        return safe.toString();
    }

    /** A character that stands for itself on screen, and changes nothing around it. */
    private static boolean shown(int c) {
        return switch (Character.getType(c)) {
            case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                 Character.PRIVATE_USE, Character.SURROGATE, Character.UNASSIGNED -> false;
            default -> true;
        };
    }

    /** Backslash, then x and two hex digits up to U+00FF, u and four in the first plane, U and eight above. */
    private static void escape(StringBuilder safe, int c) {
        int digits = c <= 0xff ? 2 : c <= 0xffff ? 4 : 8;
        safe.append(c <= 0xff ? "\\x" : c <= 0xffff ? "\\u" : "\\U");
        for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) {
            safe.append(HEX[(c >> shift) & 0xf]);
        }
    }

    private Printable() {
    }
}
