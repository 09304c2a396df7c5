package uds.support;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;
import static uds.support.SocketConstants.AF_UNIX;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.invoke.VarHandle;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * struct sockaddr_un, the address of an AF_UNIX socket, for the syscalls the lessons make
 * through FFM (bind, connect, getsockname): lesson 02 autobinds with it, lesson 05 binds and
 * connects. What matters is the length passed beside it, not sizeof: it says where the name
 * ends (unix(7)).
 */
public final class SockaddrUn {

    // tag::sockaddr[]
    /** struct sockaddr_un from <sys/un.h>: a 2-byte family, then 108 bytes of sun_path. */
    public static final StructLayout LAYOUT = MemoryLayout.structLayout(
            JAVA_SHORT.withName("sun_family"),
            MemoryLayout.sequenceLayout(108, JAVA_BYTE).withName("sun_path"));
    private static final VarHandle SUN_FAMILY = LAYOUT.varHandle(MemoryLayout.PathElement.groupElement("sun_family"));
    /** Where sun_path starts: 2, after the family. */
    public static final long PATH_OFFSET = LAYOUT.byteOffset(MemoryLayout.PathElement.groupElement("sun_path"));
    private static final long PATH_SIZE = LAYOUT.byteSize() - PATH_OFFSET;
    // end::sockaddr[]

    /** A zeroed address with only the family set, sizeof(struct sockaddr_un) long: room for getsockname. */
    public static MemorySegment allocate(Arena arena) {
        MemorySegment address = arena.allocate(LAYOUT);
        SUN_FAMILY.set(address, 0L, (short) AF_UNIX);
        return address;
    }

    // tag::path[]
    /** A path's address: family, path bytes, terminating NUL; its length is exactly that. */
    public static MemorySegment ofPath(Arena arena, Path path) throws IOException {
        byte[] bytes = path.toString().getBytes(StandardCharsets.UTF_8);
        if (bytes.length >= PATH_SIZE) {
            throw new IOException("socket path is " + bytes.length + " bytes long; sun_path holds at most "
                    + (PATH_SIZE - 1) + " bytes plus the terminating NUL: use a shorter path");
        }
        MemorySegment address = allocate(arena); // zeroed: the NUL is already there
        MemorySegment.copy(bytes, 0, address, JAVA_BYTE, PATH_OFFSET, bytes.length);
        return address.asSlice(0, PATH_OFFSET + bytes.length + 1);
    }
    // end::path[]

    /**
     * The address whose sun_path is exactly these bytes, as recvmsg(2) reported a sender's:
     * for an abstract name the length is part of the name, so no byte may be added or cut.
     */
    public static MemorySegment ofSunPath(Arena arena, byte[] sunPath) {
        if (sunPath.length == 0 || sunPath.length > PATH_SIZE) {
            throw new IllegalArgumentException("sun_path of " + sunPath.length + " bytes");
        }
        MemorySegment address = allocate(arena);
        MemorySegment.copy(sunPath, 0, address, JAVA_BYTE, PATH_OFFSET, sunPath.length);
        return address.asSlice(0, PATH_OFFSET + sunPath.length);
    }

    /** Nothing but the family: bind(2) with this length asks the kernel to autobind. */
    public static MemorySegment familyOnly(Arena arena) {
        return allocate(arena).asSlice(0, PATH_OFFSET);
    }

    /**
     * The abstract name in an address getsockname(2) filled in, length bytes long: what the
     * length covers after the family and the leading NUL (no terminating NUL, no padding).
     */
    public static byte[] abstractName(MemorySegment address, int length) throws IOException {
        if (length <= PATH_OFFSET || address.get(JAVA_BYTE, PATH_OFFSET) != 0) {
            throw new IOException("not an abstract address (" + length + " bytes)");
        }
        return address.asSlice(PATH_OFFSET + 1, length - PATH_OFFSET - 1).toArray(JAVA_BYTE);
    }

    private SockaddrUn() {
    }
}
