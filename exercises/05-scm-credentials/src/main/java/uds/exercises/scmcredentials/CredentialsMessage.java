package uds.exercises.scmcredentials;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * Exercise 05.2: the control message a sender attaches to claim its credentials.
 * (Walkthrough 05, step 2. Checked by CredentialsMessageTest.)
 */
final class CredentialsMessage {

    static final int SOL_SOCKET = 1;
    static final int SCM_CREDENTIALS = 2;

    /**
     * One SCM_CREDENTIALS control message in a buffer of CMSG_SPACE(12) = 32 bytes:
     * cmsg_len (a size_t, 8 bytes), cmsg_level and cmsg_type (ints), then struct ucred
     * (pid, uid, gid) at offset 16, then padding.
     */
    static MemorySegment build(Arena arena, int pid, int uid, int gid) {
        MemorySegment control = arena.allocate(32, 8);
        // TODO: cmsg_len counts the header and the data, not the padding; and the data is missing.
        control.set(JAVA_LONG, 0, 32);
        control.set(JAVA_INT, 8, SOL_SOCKET);
        control.set(JAVA_INT, 12, SCM_CREDENTIALS);
        return control;
    }

    private CredentialsMessage() {
    }
}
