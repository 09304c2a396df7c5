package uds.support;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.AddressLayout;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout.PathElement;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * Users and groups by id and by name, from the system's user database: libc's getpwuid_r(3),
 * getpwnam_r(3), getgrgid_r(3) and getgrnam_r(3), like Python's pwd and grp modules. They
 * consult NSS, so users from LDAP and the like are found too, not only /etc/passwd. The
 * {@code _r} variants write into a buffer of the caller's, so any number of threads may ask
 * at once (the plain getpwuid answers in one static buffer of libc's).
 *
 * <p>One label format everywhere: {@code 33(www-data)}, or the bare number when the database
 * has no name for the id.
 */
public final class UserDatabase {

    /** A user's ids: uid_t and gid_t are unsigned 32-bit, so they are kept in longs. */
    public record Entry(long uid, long gid) {
    }

    // struct passwd from <pwd.h> and struct group from <grp.h> on 64-bit Linux.
    private static final AddressLayout STRING = ADDRESS.withTargetLayout(
            MemoryLayout.sequenceLayout(Long.MAX_VALUE, JAVA_BYTE));
    private static final StructLayout PASSWD = MemoryLayout.structLayout(
            STRING.withName("pw_name"), ADDRESS.withName("pw_passwd"),
            JAVA_INT.withName("pw_uid"), JAVA_INT.withName("pw_gid"),
            ADDRESS.withName("pw_gecos"), ADDRESS.withName("pw_dir"), ADDRESS.withName("pw_shell"));
    private static final StructLayout GROUP = MemoryLayout.structLayout(
            STRING.withName("gr_name"), ADDRESS.withName("gr_passwd"),
            JAVA_INT.withName("gr_gid"), MemoryLayout.paddingLayout(4),
            ADDRESS.withName("gr_mem"));
    private static final VarHandle PW_NAME = PASSWD.varHandle(PathElement.groupElement("pw_name"));
    private static final VarHandle PW_UID = PASSWD.varHandle(PathElement.groupElement("pw_uid"));
    private static final VarHandle PW_GID = PASSWD.varHandle(PathElement.groupElement("pw_gid"));
    private static final VarHandle GR_NAME = GROUP.varHandle(PathElement.groupElement("gr_name"));
    private static final VarHandle GR_GID = GROUP.varHandle(PathElement.groupElement("gr_gid"));

    private static final Linker LINKER = Linker.nativeLinker();
    // int getpwuid_r(uid_t, struct passwd *, char *buf, size_t buflen, struct passwd **result), and alike.
    private static final MethodHandle GETPWUID_R = lookup("getpwuid_r", JAVA_INT);
    private static final MethodHandle GETGRGID_R = lookup("getgrgid_r", JAVA_INT);
    private static final MethodHandle GETPWNAM_R = lookup("getpwnam_r", ADDRESS);
    private static final MethodHandle GETGRNAM_R = lookup("getgrnam_r", ADDRESS);

    private static final int ERANGE = 34;   // <asm-generic/errno-base.h>: buf too small
    private static final long FIRST_BUFFER = 1024;
    private static final long LARGEST_BUFFER = 1 << 20;

    private static MethodHandle lookup(String function, MemoryLayout key) {
        return LINKER.downcallHandle(LINKER.defaultLookup().findOrThrow(function),
                FunctionDescriptor.of(JAVA_INT, key, ADDRESS, ADDRESS, JAVA_LONG, ADDRESS));
    }

    /** One call of a {@code _r} function: 0 or an error number, as the function returns it. */
    @FunctionalInterface
    private interface Call {
        int invoke(MemorySegment entry, MemorySegment buffer, long size, MemorySegment result) throws Throwable;
    }

    /**
     * Calls a {@code _r} function with a buffer that grows while libc says ERANGE; the entry
     * found, or empty. Any other error is "not found" too: getpwnam_r(3) lists ENOENT, ESRCH,
     * EBADF and EPERM as ways of saying so, and a label is no reason to fail.
     */
    private static <T> Optional<T> find(StructLayout layout, Call call, Function<MemorySegment, T> read) {
        for (long size = FIRST_BUFFER; size <= LARGEST_BUFFER; size *= 2) {
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment entry = arena.allocate(layout);
                MemorySegment result = arena.allocate(ADDRESS);
                int error = call.invoke(entry, arena.allocate(size), size, result);
                if (error == ERANGE) {
                    continue;
                }
                boolean found = error == 0 && !result.get(ADDRESS, 0).equals(MemorySegment.NULL);
                return found ? Optional.of(read.apply(entry)) : Optional.empty();
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
        }
        return Optional.empty();
    }

    public static Optional<String> userName(long uid) {
        return find(PASSWD, (entry, buffer, size, result) ->
                (int) GETPWUID_R.invokeExact((int) uid, entry, buffer, size, result), UserDatabase::pwName);
    }

    public static Optional<String> groupName(long gid) {
        return find(GROUP, (entry, buffer, size, result) ->
                (int) GETGRGID_R.invokeExact((int) gid, entry, buffer, size, result), UserDatabase::grName);
    }

    /** The user of that name: its uid and primary gid. */
    public static Optional<Entry> user(String name) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment cName = arena.allocateFrom(name);
            return find(PASSWD, (entry, buffer, size, result) ->
                    (int) GETPWNAM_R.invokeExact(cName, entry, buffer, size, result),
                    entry -> new Entry(unsigned(PW_UID.get(entry, 0L)), unsigned(PW_GID.get(entry, 0L))));
        }
    }

    public static OptionalLong uidOf(String user) {
        return user(user).map(entry -> OptionalLong.of(entry.uid())).orElse(OptionalLong.empty());
    }

    public static OptionalLong gidOf(String group) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment cName = arena.allocateFrom(group);
            return find(GROUP, (entry, buffer, size, result) ->
                    (int) GETGRNAM_R.invokeExact(cName, entry, buffer, size, result),
                    entry -> unsigned(GR_GID.get(entry, 0L)))
                    .map(OptionalLong::of).orElse(OptionalLong.empty());
        }
    }

    /** {@code 33(www-data)}, or {@code 4294967294} for a uid with no entry. */
    public static String userLabel(long uid) {
        return userName(uid).map(name -> uid + "(" + name + ")").orElse(Long.toString(uid));
    }

    /** {@code 65534(nogroup)}, or the bare number for a gid with no entry. */
    public static String groupLabel(long gid) {
        return groupName(gid).map(name -> gid + "(" + name + ")").orElse(Long.toString(gid));
    }

    private static String pwName(MemorySegment entry) {
        return ((MemorySegment) PW_NAME.get(entry, 0L)).getString(0);
    }

    private static String grName(MemorySegment entry) {
        return ((MemorySegment) GR_NAME.get(entry, 0L)).getString(0);
    }

    private static long unsigned(Object id) {
        return Integer.toUnsignedLong((int) id);
    }

    private UserDatabase() {
    }
}
