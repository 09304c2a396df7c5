package uds.seqpacket;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.util.Optional;
import java.util.OptionalLong;

/** Users by name and by uid from libc's getpwnam(3) and getpwuid(3) (lesson 03 explains). */
final class UserDatabase {

    // The start of struct passwd from <pwd.h>: name, password, uid (unsigned).
    private static final StructLayout PASSWD = MemoryLayout.structLayout(
            ADDRESS.withName("pw_name"), ADDRESS.withName("pw_passwd"), JAVA_INT.withName("pw_uid"));
    private static final VarHandle NAME = PASSWD.varHandle(MemoryLayout.PathElement.groupElement("pw_name"));
    private static final VarHandle UID = PASSWD.varHandle(MemoryLayout.PathElement.groupElement("pw_uid"));

    private static final Linker LINKER = Linker.nativeLinker();
    private static final MethodHandle GETPWNAM = LINKER.downcallHandle(
            LINKER.defaultLookup().findOrThrow("getpwnam"), FunctionDescriptor.of(ADDRESS, ADDRESS));
    private static final MethodHandle GETPWUID = LINKER.downcallHandle(
            LINKER.defaultLookup().findOrThrow("getpwuid"), FunctionDescriptor.of(ADDRESS, JAVA_INT));

    // Both answer in one static buffer of libc's: one caller at a time.

    static synchronized OptionalLong uidOf(String user) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment entry = ((MemorySegment) GETPWNAM.invokeExact(arena.allocateFrom(user))).reinterpret(PASSWD.byteSize());
            return entry.address() == 0 ? OptionalLong.empty()
                    : OptionalLong.of(Integer.toUnsignedLong((int) UID.get(entry, 0L)));
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    /** "33(www-data)", or the bare number for a uid with no entry. */
    static synchronized String label(long uid) {
        try {
            MemorySegment entry = ((MemorySegment) GETPWUID.invokeExact((int) uid)).reinterpret(PASSWD.byteSize());
            Optional<String> name = entry.address() == 0 ? Optional.empty()
                    : Optional.of(((MemorySegment) NAME.get(entry, 0L)).reinterpret(Long.MAX_VALUE).getString(0));
            return name.map(n -> uid + "(" + n + ")").orElse(Long.toString(uid));
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    private UserDatabase() {
    }
}
