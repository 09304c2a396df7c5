package uds.support;

import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.invoke.MethodHandle;

/** Who this process is: its real uid and gid, from getuid(2) and getgid(2), which cannot fail. */
public final class ThisProcess {

    private static final Linker LINKER = Linker.nativeLinker();
    private static final MethodHandle GETUID = LINKER.downcallHandle(
            LINKER.defaultLookup().findOrThrow("getuid"), FunctionDescriptor.of(JAVA_INT));
    private static final MethodHandle GETGID = LINKER.downcallHandle(
            LINKER.defaultLookup().findOrThrow("getgid"), FunctionDescriptor.of(JAVA_INT));

    public static long uid() {
        try {
            return Integer.toUnsignedLong((int) GETUID.invokeExact());
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    public static long gid() {
        try {
            return Integer.toUnsignedLong((int) GETGID.invokeExact());
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    /** This process's user name, or its uid as a number where the user database has none. */
    public static String userName() {
        long uid = uid();
        return UserDatabase.userName(uid).orElse(Long.toString(uid));
    }

    public static boolean isRoot() {
        return uid() == 0;
    }

    /** {@code uid=0(root) gid=0(root)}: the way the lessons' servers describe a peer. */
    public static String ids() {
        return "uid=" + UserDatabase.userLabel(uid()) + " gid=" + UserDatabase.groupLabel(gid());
    }

    private ThisProcess() {
    }
}
