package uds.support;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static uds.support.SocketConstants.SCM_CREDENTIALS;
import static uds.support.SocketConstants.SCM_RIGHTS;
import static uds.support.SocketConstants.SOL_SOCKET;

import java.lang.foreign.Arena;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.List;

/**
 * One control message (ancillary data): what travels beside a message's bytes in sendmsg(2)
 * and recvmsg(2), and what C reads and writes with the CMSG_* macros of cmsg(3), spelled out.
 * Lesson 05 sends credentials this way (SCM_CREDENTIALS), lesson 06 open files (SCM_RIGHTS).
 *
 * <p>Each control message is a {@code struct cmsghdr} followed by its data, and the next one
 * starts at the following multiple of {@code sizeof(size_t)}: 8 bytes on 64-bit Linux.
 */
public record ControlMessage(int level, int type, byte[] data) {

    // tag::cmsghdr[]
    /** struct cmsghdr: size_t cmsg_len (header and data, unpadded); int level; int type. */
    public static final StructLayout CMSGHDR = MemoryLayout.structLayout(
            JAVA_LONG.withName("cmsg_len"),
            JAVA_INT.withName("cmsg_level"),
            JAVA_INT.withName("cmsg_type"));
    private static final VarHandle LEN = CMSGHDR.varHandle(MemoryLayout.PathElement.groupElement("cmsg_len"));
    private static final VarHandle LEVEL = CMSGHDR.varHandle(MemoryLayout.PathElement.groupElement("cmsg_level"));
    private static final VarHandle TYPE = CMSGHDR.varHandle(MemoryLayout.PathElement.groupElement("cmsg_type"));

    /** CMSG_ALIGN: round up to the alignment of size_t. */
    public static long align(long length) {
        long unit = JAVA_LONG.byteSize();
        return (length + unit - 1) & -unit;
    }

    /** CMSG_LEN(n): what cmsg_len says for n bytes of data. */
    public static long len(long dataLength) {
        return align(CMSGHDR.byteSize()) + dataLength;
    }

    /** CMSG_SPACE(n): what one control message of n bytes takes in the buffer, padding included. */
    public static long space(long dataLength) {
        return align(CMSGHDR.byteSize()) + align(dataLength);
    }
    // end::cmsghdr[]

    /** An SCM_RIGHTS message: the descriptors as an array of C ints. */
    public static ControlMessage rights(int... descriptors) {
        MemorySegment data = MemorySegment.ofArray(new byte[descriptors.length * Integer.BYTES]);
        for (int i = 0; i < descriptors.length; i++) {
            data.setAtIndex(ValueLayout.JAVA_INT_UNALIGNED, i, descriptors[i]);
        }
        return new ControlMessage(SOL_SOCKET, SCM_RIGHTS, data.toArray(ValueLayout.JAVA_BYTE));
    }

    // tag::credentials[]
    /** One SCM_CREDENTIALS message carrying credentials: CMSG_SPACE(12) = 32 bytes in the buffer. */
    public static ControlMessage credentials(Credentials credentials) {
        MemorySegment ucred = MemorySegment.ofArray(new int[3]); // an int array: aligned for the ints
        credentials.write(ucred);
        return new ControlMessage(SOL_SOCKET, SCM_CREDENTIALS, ucred.toArray(ValueLayout.JAVA_BYTE));
    }
    // end::credentials[]

    /** CMSG_SPACE for an SCM_RIGHTS message of count descriptors. */
    public static long rightsSpace(int count) {
        return space((long) count * Integer.BYTES);
    }

    public boolean isRights() {
        return level == SOL_SOCKET && type == SCM_RIGHTS;
    }

    /** The descriptors an SCM_RIGHTS message carries (as numbers in the receiving process). */
    public int[] descriptors() {
        if (!isRights()) {
            return new int[0];
        }
        MemorySegment ints = MemorySegment.ofArray(data);
        int[] descriptors = new int[data.length / Integer.BYTES];
        for (int i = 0; i < descriptors.length; i++) {
            descriptors[i] = ints.getAtIndex(ValueLayout.JAVA_INT_UNALIGNED, i);
        }
        return descriptors;
    }

    /** The control buffer for sendmsg: each message with its header, padded as CMSG_NXTHDR expects. */
    public static MemorySegment encode(Arena arena, List<ControlMessage> messages) {
        long size = messages.stream().mapToLong(message -> space(message.data.length)).sum();
        MemorySegment control = arena.allocate(Math.max(size, 1), JAVA_LONG.byteAlignment());
        long offset = 0;
        for (ControlMessage message : messages) {
            MemorySegment cmsg = control.asSlice(offset);
            LEN.set(cmsg, 0L, len(message.data.length));
            LEVEL.set(cmsg, 0L, message.level);
            TYPE.set(cmsg, 0L, message.type);
            MemorySegment.copy(message.data, 0, cmsg, ValueLayout.JAVA_BYTE, align(CMSGHDR.byteSize()), message.data.length);
            offset += space(message.data.length);
        }
        return control.asSlice(0, size);
    }

    /** What a received control buffer held; malformed says why the walk stopped early, or is null. */
    public record Decoded(List<ControlMessage> messages, String malformed) {
    }

    // tag::walk[]
    /**
     * Walks the control messages in the first length bytes of control, as CMSG_FIRSTHDR and
     * CMSG_NXTHDR do, and checks each one's length before believing it.
     */
    public static Decoded decode(MemorySegment control, long length) {
        List<ControlMessage> messages = new ArrayList<>();
        long header = align(CMSGHDR.byteSize());
        long offset = 0;
        while (offset + CMSGHDR.byteSize() <= length) {
            MemorySegment cmsg = control.asSlice(offset);
            long cmsgLen = (long) LEN.get(cmsg, 0L);
            if (cmsgLen < header || offset + cmsgLen > length) {
                return new Decoded(messages, "control message at offset " + offset
                        + " claims " + cmsgLen + " bytes, the buffer holds " + (length - offset));
            }
            messages.add(new ControlMessage((int) LEVEL.get(cmsg, 0L), (int) TYPE.get(cmsg, 0L),
                    cmsg.asSlice(header, cmsgLen - header).toArray(ValueLayout.JAVA_BYTE)));
            offset += align(cmsgLen);
        }
        return new Decoded(messages, null);
    }
    // end::walk[]
}
