package uds.support;

/**
 * Text made safe for one line of a terminal or a log: no line breaks, no escape sequences, and
 * nothing that changes how the rest of the line is shown.
 */
public final class Printable {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    /** How much of a peer's text a log line shows, in characters. */
    public static final int SHOWN = 200;

    /**
     * A peer's text as a log line shows it: escaped as by {@link #line}, in double quotes (a
     * quote inside is escaped too), and cut after {@link #SHOWN} characters, with its length
     * said: {@code "xxxx..." (cut, 262144 characters)}. Quoted, the text cannot pass for the
     * rest of the line (padding with spaces forges nothing); cut, it cannot make one line
     * megabytes long. Put it after what the kernel says about the peer, never before.
     */
    public static String quoted(String text) {
        int length = text.codePointCount(0, text.length());
        boolean cut = length > SHOWN;
        String shown = cut ? text.substring(0, text.offsetByCodePoints(0, SHOWN)) : text;
        return '"' + line(shown).replace("\"", "\\\"") + (cut ? "...\" (cut, " + length + " characters)" : "\"");
    }

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
