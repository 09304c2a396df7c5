package uds.scmcredentials;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static uds.support.SocketConstants.SCM_CREDENTIALS;
import static uds.support.SocketConstants.SCM_MAX_FD;
import static uds.support.SocketConstants.SCM_RIGHTS;
import static uds.support.SocketConstants.SOL_SOCKET;

import java.lang.foreign.Arena;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.List;

/**
 * Ancillary data: the control messages that travel beside a message's bytes in sendmsg(2) and
 * recvmsg(2). What C does with the CMSG_* macros of cmsg(3), spelled out.
 *
 * <p>Each control message is a {@code struct cmsghdr} followed by its data, and the next one
 * starts at the following multiple of {@code sizeof(size_t)}: 8 bytes on 64-bit Linux.
 */
final class ControlMessages {

    // tag::cmsghdr[]
    /** struct cmsghdr: size_t cmsg_len (header and data, unpadded); int level; int type. */
    static final StructLayout CMSGHDR = MemoryLayout.structLayout(
            JAVA_LONG.withName("cmsg_len"),
            JAVA_INT.withName("cmsg_level"),
            JAVA_INT.withName("cmsg_type"));
    private static final VarHandle LEN = CMSGHDR.varHandle(MemoryLayout.PathElement.groupElement("cmsg_len"));
    private static final VarHandle LEVEL = CMSGHDR.varHandle(MemoryLayout.PathElement.groupElement("cmsg_level"));
    private static final VarHandle TYPE = CMSGHDR.varHandle(MemoryLayout.PathElement.groupElement("cmsg_type"));

    /** CMSG_ALIGN: round up to the alignment of size_t. */
    static long align(long length) {
        long unit = JAVA_LONG.byteSize();
        return (length + unit - 1) & -unit;
    }

    /** CMSG_LEN(n): what cmsg_len says for n bytes of data. */
    static long len(long dataLength) {
        return align(CMSGHDR.byteSize()) + dataLength;
    }

    /** CMSG_SPACE(n): what one control message of n bytes takes in the buffer, padding included. */
    static long space(long dataLength) {
        return align(CMSGHDR.byteSize()) + align(dataLength);
    }
    // end::cmsghdr[]

    /** One SCM_CREDENTIALS message carrying credentials: CMSG_SPACE(12) = 32 bytes. */
    static MemorySegment credentials(Arena arena, Credentials credentials) {
        MemorySegment control = arena.allocate(space(Credentials.UCRED.byteSize()), JAVA_LONG.byteAlignment());
        LEN.set(control, 0L, len(Credentials.UCRED.byteSize()));
        LEVEL.set(control, 0L, SOL_SOCKET);
        TYPE.set(control, 0L, SCM_CREDENTIALS);
        credentials.write(control.asSlice(align(CMSGHDR.byteSize()), Credentials.UCRED.byteSize()));
        return control;
    }

    /**
     * What the control buffer of one received message held. descriptors are those of
     * SCM_RIGHTS messages: the kernel has already installed them in this process, so whoever
     * does not want them must still close them.
     */
    record Parsed(Credentials credentials, List<Integer> descriptors, List<String> ignored, String malformed) {
    }

    // tag::parse[]
    /**
     * Walks the control messages in the first length bytes of control, as CMSG_FIRSTHDR and
     * CMSG_NXTHDR do, and checks each one's length before believing it.
     */
    static Parsed parse(MemorySegment control, long length) {
        Credentials credentials = null;
        List<Integer> descriptors = new ArrayList<>();
        List<String> ignored = new ArrayList<>();
        long header = align(CMSGHDR.byteSize());
        long offset = 0;
        while (offset + CMSGHDR.byteSize() <= length) {
            MemorySegment cmsg = control.asSlice(offset);
            long cmsgLen = (long) LEN.get(cmsg, 0L);
            int level = (int) LEVEL.get(cmsg, 0L);
            int type = (int) TYPE.get(cmsg, 0L);
            if (cmsgLen < header || offset + cmsgLen > length) {
                return new Parsed(credentials, descriptors, ignored, "control message at offset " + offset
                        + " claims " + cmsgLen + " bytes, the buffer holds " + (length - offset));
            }
            if (level == SOL_SOCKET && type == SCM_CREDENTIALS) {
                if (cmsgLen != len(Credentials.UCRED.byteSize())) {
                    return new Parsed(credentials, descriptors, ignored, "SCM_CREDENTIALS of " + cmsgLen + " bytes, not "
                            + len(Credentials.UCRED.byteSize()));
                }
                credentials = Credentials.read(cmsg.asSlice(header, Credentials.UCRED.byteSize()));
            } else if (level == SOL_SOCKET && type == SCM_RIGHTS) {
                for (long at = header; at + JAVA_INT.byteSize() <= cmsgLen; at += JAVA_INT.byteSize()) {
                    descriptors.add(cmsg.get(JAVA_INT, at));
                }
            } else {
                ignored.add("level " + level + " type " + type + " (" + (cmsgLen - header) + " bytes)");
            }
            offset += align(cmsgLen);
        }
        return new Parsed(credentials, descriptors, ignored, null);
    }
    // end::parse[]

    // tag::space[]
    /**
     * The control buffer a receiver needs so that nothing a sender attaches can push the
     * credentials out: SCM_CREDENTIALS, plus the largest SCM_RIGHTS message the kernel carries.
     */
    static final long RECEIVE_SPACE = space(Credentials.UCRED.byteSize()) + space(SCM_MAX_FD * JAVA_INT.byteSize());
    // end::space[]

    private ControlMessages() {
    }
}
