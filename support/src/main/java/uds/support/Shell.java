package uds.support;

import java.util.List;

/**
 * Commands shown as a learner would type them into bash, so that a line copied from a
 * transcript or the tour runs as shown.
 */
public final class Shell {

    /**
     * One word, quoted only when bash needs it: {@code hello}, {@code 'grüß dich'},
     * {@code 'it'\''s'}, {@code ''}, and {@code $'SET a b\nGET a'} for control characters.
     */
    public static String quote(String word) {
        if (!word.isEmpty() && word.codePoints().allMatch(Shell::isPlain)) {
            return word;
        }
        if (word.codePoints().anyMatch(Character::isISOControl)) {
            StringBuilder quoted = new StringBuilder("$'");
            word.codePoints().forEach(c -> quoted.append(switch (c) {
                case '\n' -> "\\n";
                case '\t' -> "\\t";
                case '\r' -> "\\r";
                case '\\' -> "\\\\";
                case '\'' -> "\\'";
                default -> Character.isISOControl(c) ? String.format("\\x%02x", c) : Character.toString(c);
            }));
            return quoted.append('\'').toString();
        }
        return "'" + word.replace("'", "'\\''") + "'";
    }

    /** The words quoted and joined by spaces. */
    public static String line(List<String> words) {
        StringBuilder line = new StringBuilder();
        for (String word : words) {
            if (!line.isEmpty()) {
                line.append(' ');
            }
            line.append(quote(word));
        }
        return line.toString();
    }

    // Letters and digits of any script are plain to bash; so are these marks.
    private static boolean isPlain(int c) {
        return Character.isLetterOrDigit(c) || "@%+=:,./_-".indexOf(c) >= 0;
    }

    private Shell() {
    }
}
