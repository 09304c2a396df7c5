package uds.exercises.peercred;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Exercise 03.1: unpack the 12 bytes of {@code struct ucred { pid_t pid; uid_t uid; gid_t gid; }}.
 * (Walkthrough 03, step 2. Checked by UcredTest.)
 */
record Ucred(long pid, long uid, long gid) {

    /** The kernel's 12 bytes, in this machine's byte order (little-endian here). */
    static Ucred fromBytes(byte[] twelve) {
        ByteBuffer bytes = ByteBuffer.wrap(twelve).order(ByteOrder.nativeOrder());
        return new Ucred(bytes.getInt(0), Integer.toUnsignedLong(bytes.getInt(4)), Integer.toUnsignedLong(bytes.getInt(8)));
    }
}
