package uds.exercises.datagram;

import java.nio.charset.StandardCharsets;

/**
 * Exercise 08.1: a sender's address, as recvmsg(2) reported it, for a log line. (Walkthrough
 * 08, step 4. Checked by SenderNameTest.)
 */
final class SenderName {

    /**
     * sunPath holds exactly the bytes msg_namelen covers after the family: none for an
     * unbound sender, a leading NUL for an abstract name, else a path and its NUL.
     * Returns "(unbound)", "@name" (a NUL inside the name shown as \0), or the path.
     */
    static String describe(byte[] sunPath) {
        // TODO: three kinds of address, and the length counts for one of them
        return new String(sunPath, StandardCharsets.UTF_8).replace("\0", "");
    }

    private SenderName() {
    }
}
