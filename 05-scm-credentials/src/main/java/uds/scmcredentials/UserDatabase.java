package uds.scmcredentials;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemoryLayout.PathElement;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Names for uids and gids, and back, from the system's user database: libc's getpwuid(3),
 * getgrgid(3), getpwnam(3) and getgrnam(3), like Python's pwd and grp modules. They consult
 * NSS, so users and groups from LDAP and the like are found too, not only /etc/passwd.
 */
final class UserDatabase {

    // struct passwd and struct group from <pwd.h> and <grp.h> both begin with
    // a name, a password, then the id: we read only those.
    private static final StructLayout ENTRY = MemoryLayout.structLayout(
            ADDRESS.withName("name"),
            ADDRESS.withName("passwd"),
            JAVA_INT.withName("id")); // uid_t or gid_t: unsigned
    private static final VarHandle NAME = ENTRY.varHandle(PathElement.groupElement("name"));
    private static final VarHandle ID = ENTRY.varHandle(PathElement.groupElement("id"));

    private static final Linker LINKER = Linker.nativeLinker();
    private static final MethodHandle GETPWUID = lookup("getpwuid", JAVA_INT);
    private static final MethodHandle GETGRGID = lookup("getgrgid", JAVA_INT);
    private static final MethodHandle GETPWNAM = lookup("getpwnam", ADDRESS);
    private static final MethodHandle GETGRNAM = lookup("getgrnam", ADDRESS);

    private static MethodHandle lookup(String function, MemoryLayout argument) {
        return LINKER.downcallHandle(LINKER.defaultLookup().findOrThrow(function),
                FunctionDescriptor.of(ADDRESS, argument));
    }

    /** "33(www-data)", or "4294967294" for a uid with no entry. */
    static String userLabel(long uid) {
        return userName(uid).map(name -> uid + "(" + name + ")").orElse(Long.toString(uid));
    }

    static String groupLabel(long gid) {
        return groupName(gid).map(name -> gid + "(" + name + ")").orElse(Long.toString(gid));
    }

    // These functions answer in a static buffer of libc's: one caller at a time.

    static synchronized Optional<String> userName(long uid) {
        return nameIn(call(GETPWUID, (int) uid));
    }

    static synchronized Optional<String> groupName(long gid) {
        return nameIn(call(GETGRGID, (int) gid));
    }

    static synchronized OptionalLong uidOf(String user) {
        try (Arena arena = Arena.ofConfined()) {
            return idIn(call(GETPWNAM, arena.allocateFrom(user)));
        }
    }

    static synchronized OptionalLong gidOf(String group) {
        try (Arena arena = Arena.ofConfined()) {
            return idIn(call(GETGRNAM, arena.allocateFrom(group)));
        }
    }

    private static MemorySegment call(MethodHandle function, Object argument) {
        try {
            return ((MemorySegment) function.invoke(argument)).reinterpret(ENTRY.byteSize());
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    private static Optional<String> nameIn(MemorySegment entry) {
        if (entry.address() == 0) { // NULL: no such entry
            return Optional.empty();
        }
        MemorySegment name = (MemorySegment) NAME.get(entry, 0L);
        return Optional.of(name.reinterpret(Long.MAX_VALUE).getString(0));
    }

    private static OptionalLong idIn(MemorySegment entry) {
        if (entry.address() == 0) { // NULL: no such entry
            return OptionalLong.empty();
        }
        return OptionalLong.of(Integer.toUnsignedLong((int) ID.get(entry, 0L)));
    }

    private UserDatabase() {
    }
}
