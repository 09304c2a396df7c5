package uds.support;

import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.invoke.VarHandle;

/**
 * A process's pid, uid and gid as {@code struct ucred} carries them, in SO_PEERCRED and in an
 * SCM_CREDENTIALS control message alike. uid_t and gid_t are unsigned (lesson 03): they are
 * kept in longs, read unsigned. Lesson 03 teaches the layout with a copy of its own
 * ({@code PeerCredentials}), which a test there keeps equal to this one.
 */
public record Credentials(long pid, long uid, long gid) {

    /** struct ucred: pid_t (signed), uid_t, gid_t (unsigned); 12 bytes. */
    public static final StructLayout UCRED = MemoryLayout.structLayout(
            JAVA_INT.withName("pid"), JAVA_INT.withName("uid"), JAVA_INT.withName("gid"));
    private static final VarHandle PID = UCRED.varHandle(MemoryLayout.PathElement.groupElement("pid"));
    private static final VarHandle UID = UCRED.varHandle(MemoryLayout.PathElement.groupElement("uid"));
    private static final VarHandle GID = UCRED.varHandle(MemoryLayout.PathElement.groupElement("gid"));

    public static Credentials read(MemorySegment ucred) {
        return new Credentials((int) PID.get(ucred, 0L),
                Integer.toUnsignedLong((int) UID.get(ucred, 0L)), Integer.toUnsignedLong((int) GID.get(ucred, 0L)));
    }

    public void write(MemorySegment ucred) {
        PID.set(ucred, 0L, (int) pid);
        UID.set(ucred, 0L, (int) uid);
        GID.set(ucred, 0L, (int) gid);
    }

    /**
     * A uid or gid from junixsocket's view of SO_PEERCRED as the unsigned number it is:
     * junixsocket sign-extends them (lesson 03), so uid 4294967294 would read -2.
     */
    public static long unsigned(long id) {
        return Integer.toUnsignedLong((int) id);
    }

    /** This process's own: what the kernel accepts from anyone. */
    public static Credentials own() {
        return new Credentials(ProcessHandle.current().pid(), ThisProcess.uid(), ThisProcess.gid());
    }

    /** {@code pid=1234 uid=33(www-data) gid=33(www-data)}; a bare number where no name exists. */
    public String describe() {
        return "pid=" + pid + " uid=" + UserDatabase.userLabel(uid) + " gid=" + UserDatabase.groupLabel(gid);
    }
}
