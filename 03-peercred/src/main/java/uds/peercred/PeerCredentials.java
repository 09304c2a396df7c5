package uds.peercred;

import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.invoke.VarHandle;

import org.newsclub.net.unix.AFUNIXSocketCredentials;

import uds.support.UserDatabase;

/**
 * Who is at the other end of a connection, as the kernel recorded it when the connection was
 * made: the peer's process id, user id and group id.
 *
 * <p>{@code pid_t} is a signed int, but {@code uid_t} and {@code gid_t} are unsigned 32-bit
 * integers: 4294967294 is a valid uid. Java's int is signed, so that uid read as an int is -2.
 * This record holds the values as longs and is the one place in this lesson where that is set
 * right. (Lesson 03 teaches the layout with this copy of its own; the other lessons use
 * {@link uds.support.Credentials}, and PeerCredentialsTest keeps the two equal.)
 */
record PeerCredentials(long pid, long uid, long gid) {

    // tag::ucred[]
    /** struct ucred from <sys/socket.h>: three 4-byte fields, 12 bytes, no padding. */
    static final StructLayout UCRED = MemoryLayout.structLayout(
            JAVA_INT.withName("pid"),   // pid_t: signed
            JAVA_INT.withName("uid"),   // uid_t: UNSIGNED
            JAVA_INT.withName("gid"));  // gid_t: UNSIGNED
    private static final VarHandle PID = UCRED.varHandle(MemoryLayout.PathElement.groupElement("pid"));
    private static final VarHandle UID = UCRED.varHandle(MemoryLayout.PathElement.groupElement("uid"));
    private static final VarHandle GID = UCRED.varHandle(MemoryLayout.PathElement.groupElement("gid"));

    /** Unpacks a struct ucred: the iII of Python's struct module, not 3i. */
    static PeerCredentials fromUcred(MemorySegment ucred) {
        return fromKernel((int) PID.get(ucred, 0L), (int) UID.get(ucred, 0L), (int) GID.get(ucred, 0L));
    }

    /** The one place where uid and gid become unsigned. */
    static PeerCredentials fromKernel(int pid, int uid, int gid) {
        return new PeerCredentials(pid, Integer.toUnsignedLong(uid), Integer.toUnsignedLong(gid));
    }
    // end::ucred[]

    // tag::junixsocket[]
    /**
     * junixsocket's view. Its getters return long, but the values were sign-extended from
     * 32-bit ints on the way: uid 4294967294 arrives as -2. Taking back the low 32 bits and
     * reading them unsigned restores it.
     */
    static PeerCredentials fromJunixsocket(AFUNIXSocketCredentials credentials) {
        return fromKernel((int) credentials.getPid(), (int) credentials.getUid(), (int) credentials.getGid());
    }
    // end::junixsocket[]

    /** {@code pid=1234 uid=33(www-data) gid=33(www-data)}; a bare number where no name exists. */
    String describe() {
        return "pid=" + pid + " uid=" + UserDatabase.userLabel(uid) + " gid=" + UserDatabase.groupLabel(gid);
    }
}
