package uds.abstractnamespace;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemoryLayout.PathElement;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * User names and uids from the system's user database, through libc's getpwnam(3) and
 * getpwuid(3) (which also see users from LDAP and the like, not only /etc/passwd), called
 * with the Foreign Function &amp; Memory API.
 */
final class UserDatabase {

    // The start of struct passwd from <pwd.h>: the fields we read, with their real types.
    private static final MemoryLayout PASSWD = MemoryLayout.structLayout(
            ADDRESS.withName("pw_name"),
            ADDRESS.withName("pw_passwd"),
            JAVA_INT.withName("pw_uid"),   // uid_t: unsigned 32-bit
            JAVA_INT.withName("pw_gid"));
    private static final VarHandle PW_NAME = PASSWD.varHandle(PathElement.groupElement("pw_name"));
    private static final VarHandle PW_UID = PASSWD.varHandle(PathElement.groupElement("pw_uid"));

    private static final Linker LINKER = Linker.nativeLinker();
    private static final MethodHandle GETPWNAM = LINKER.downcallHandle(
            LINKER.defaultLookup().findOrThrow("getpwnam"), FunctionDescriptor.of(ADDRESS, ADDRESS));
    private static final MethodHandle GETPWUID = LINKER.downcallHandle(
            LINKER.defaultLookup().findOrThrow("getpwuid"), FunctionDescriptor.of(ADDRESS, JAVA_INT));

    /** The uid of user name, if there is such a user. */
    static synchronized OptionalLong uidOf(String name) { // libc answers in one static buffer
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment entry = (MemorySegment) GETPWNAM.invokeExact(arena.allocateFrom(name));
            if (entry.equals(MemorySegment.NULL)) {
                return OptionalLong.empty();
            }
            return OptionalLong.of(Integer.toUnsignedLong((int) PW_UID.get(passwd(entry), 0L)));
        } catch (Throwable e) {
            throw new IllegalStateException("getpwnam failed", e);
        }
    }

    /** The name of the user with this uid, if the database has one. */
    static synchronized Optional<String> nameOf(long uid) {
        try {
            MemorySegment entry = (MemorySegment) GETPWUID.invokeExact((int) uid);
            if (entry.equals(MemorySegment.NULL)) {
                return Optional.empty();
            }
            MemorySegment name = (MemorySegment) PW_NAME.get(passwd(entry), 0L);
            return Optional.of(name.reinterpret(Long.MAX_VALUE).getString(0));
        } catch (Throwable e) {
            throw new IllegalStateException("getpwuid failed", e);
        }
    }

    /** "0 (root)", or the bare number for a uid with no entry. */
    static String describe(long uid) {
        return nameOf(uid).map(name -> uid + " (" + name + ")").orElse(Long.toString(uid));
    }

    // libc returns a pointer of unknown size: give it the size of the fields we read.
    private static MemorySegment passwd(MemorySegment entry) {
        return entry.reinterpret(PASSWD.byteSize());
    }

    private UserDatabase() {
    }
}
