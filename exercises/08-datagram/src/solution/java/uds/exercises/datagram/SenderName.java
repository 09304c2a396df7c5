package uds.exercises.datagram;

import java.nio.charset.StandardCharsets;

/** Exercise 08.1, solved: an abstract name is all its bytes; a path ends at its NUL. */
final class SenderName {

    static String describe(byte[] sunPath) {
        if (sunPath.length == 0) {
            return "(unbound)";
        }
        if (sunPath[0] == 0) {
            return "@" + new String(sunPath, 1, sunPath.length - 1, StandardCharsets.UTF_8).replace("\0", "\\0");
        }
        int end = 0;
        while (end < sunPath.length && sunPath[end] != 0) {
            end++;
        }
        return new String(sunPath, 0, end, StandardCharsets.UTF_8);
    }

    private SenderName() {
    }
}
