package uds.support;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static uds.support.SocketConstants.MSG_CTRUNC;
import static uds.support.SocketConstants.MSG_TRUNC;

import java.lang.foreign.Arena;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.util.Arrays;
import java.util.List;

/**
 * sendmsg(2) and recvmsg(2) on a socket descriptor through the Foreign Function &amp; Memory
 * API: a message's bytes and its control messages in one call. The JDK has no such call, and
 * junixsocket's carries descriptors only; lessons 05 (credentials) and 06 (descriptors) build
 * their messages on these two.
 */
public final class SocketMessages {

    // tag::structs[]
    /** struct iovec: where one piece of the message's bytes lives. */
    public static final StructLayout IOVEC = MemoryLayout.structLayout(
            ADDRESS.withName("iov_base"), JAVA_LONG.withName("iov_len"));

    /** struct msghdr on 64-bit Linux: 56 bytes, with padding after the two ints. */
    public static final StructLayout MSGHDR = MemoryLayout.structLayout(
            ADDRESS.withName("msg_name"),
            JAVA_INT.withName("msg_namelen"), MemoryLayout.paddingLayout(4),
            ADDRESS.withName("msg_iov"),
            JAVA_LONG.withName("msg_iovlen"),
            ADDRESS.withName("msg_control"),
            JAVA_LONG.withName("msg_controllen"),
            JAVA_INT.withName("msg_flags"), MemoryLayout.paddingLayout(4));
    // end::structs[]

    private static final VarHandle IOV_BASE = IOVEC.varHandle(MemoryLayout.PathElement.groupElement("iov_base"));
    private static final VarHandle IOV_LEN = IOVEC.varHandle(MemoryLayout.PathElement.groupElement("iov_len"));
    private static final VarHandle MSG_IOV = MSGHDR.varHandle(MemoryLayout.PathElement.groupElement("msg_iov"));
    private static final VarHandle MSG_IOVLEN = MSGHDR.varHandle(MemoryLayout.PathElement.groupElement("msg_iovlen"));
    private static final VarHandle MSG_NAME = MSGHDR.varHandle(MemoryLayout.PathElement.groupElement("msg_name"));
    private static final VarHandle MSG_NAMELEN = MSGHDR.varHandle(MemoryLayout.PathElement.groupElement("msg_namelen"));
    private static final VarHandle MSG_CONTROL = MSGHDR.varHandle(MemoryLayout.PathElement.groupElement("msg_control"));
    private static final VarHandle MSG_CONTROLLEN = MSGHDR.varHandle(MemoryLayout.PathElement.groupElement("msg_controllen"));
    private static final VarHandle MSG_FLAGS = MSGHDR.varHandle(MemoryLayout.PathElement.groupElement("msg_flags"));

    private static final MethodHandle SENDMSG = Libc.withErrno("sendmsg", JAVA_LONG, JAVA_INT, ADDRESS, JAVA_INT);
    private static final MethodHandle RECVMSG = Libc.withErrno("recvmsg", JAVA_LONG, JAVA_INT, ADDRESS, JAVA_INT);

    /**
     * Sends data as one message on the connection fd, as {@link #send} does; false if the send
     * timeout (SO_SNDTIMEO) ran out first: the peer has not read what it was sent.
     */
    public static boolean sendInTime(int fd, byte[] data) throws ErrnoException {
        try {
            send(fd, MemorySegment.NULL, data, List.of(), 0);
            return true;
        } catch (ErrnoException e) {
            if (e.errno() != ErrnoException.EAGAIN) {
                throw e;
            }
            return false;
        }
    }

    // tag::send[]
    /**
     * Sends data as one message on socket fd, with the control messages beside it. address is
     * a sockaddr for an unconnected datagram socket, or {@link MemorySegment#NULL} on a
     * connection; flags are sendmsg's (0, or MSG_DONTWAIT not to wait for room). Returns the
     * bytes the kernel took.
     */
    public static long send(int fd, MemorySegment address, byte[] data, List<ControlMessage> control, int flags)
            throws ErrnoException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment msg = arena.allocate(MSGHDR);
            MSG_NAME.set(msg, 0L, address);
            MSG_NAMELEN.set(msg, 0L, (int) address.byteSize());
            MemorySegment iov = arena.allocate(IOVEC);
            IOV_BASE.set(iov, 0L, arena.allocateFrom(JAVA_BYTE, data));
            IOV_LEN.set(iov, 0L, (long) data.length);
            MSG_IOV.set(msg, 0L, iov);
            MSG_IOVLEN.set(msg, 0L, 1L);
            if (!control.isEmpty()) {
                MemorySegment buffer = ControlMessage.encode(arena, control);
                MSG_CONTROL.set(msg, 0L, buffer);
                MSG_CONTROLLEN.set(msg, 0L, buffer.byteSize());
            }
            return Libc.call("sendmsg", SENDMSG, fd, msg, flags);
        }
    }
    // end::send[]

    /**
     * One received message: its bytes (length is what recvmsg returned: more than data holds
     * when a datagram was cut), the control messages the kernel wrote, its flags, and on a
     * datagram socket the sender's address: the sun_path bytes the kernel wrote, exactly as
     * many as msg_namelen says (none: the sender is bound to no address; a leading NUL: an
     * abstract name, whose bytes all count; else a path with its terminating NUL).
     */
    public record Received(byte[] data, long length, ControlMessage.Decoded control, int flags, byte[] sender) {

        /** MSG_TRUNC: the datagram was longer than the buffer; the rest is gone. */
        public boolean textCut() {
            return (flags & MSG_TRUNC) != 0;
        }

        /** MSG_CTRUNC: control messages did not fit; the kernel dropped (and closed) the rest. */
        public boolean controlCut() {
            return (flags & MSG_CTRUNC) != 0;
        }

        /** Every descriptor that arrived in SCM_RIGHTS messages: open in this process now. */
        public int[] descriptors() {
            return control.messages().stream().flatMapToInt(message -> Arrays.stream(message.descriptors())).toArray();
        }
    }

    // tag::receive[]
    /**
     * Receives one message of at most maxBytes bytes on socket fd, with room for controlSpace
     * bytes of control messages. Descriptors that arrive are installed in this process by the
     * kernel before this returns: the caller owns them and must close every one.
     */
    public static Received receive(int fd, int maxBytes, long controlSpace, int flags) throws ErrnoException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment msg = arena.allocate(MSGHDR);
            MemorySegment buffer = arena.allocate(Math.max(maxBytes, 1));
            MemorySegment iov = arena.allocate(IOVEC);
            IOV_BASE.set(iov, 0L, buffer);
            IOV_LEN.set(iov, 0L, (long) maxBytes);
            MSG_IOV.set(msg, 0L, iov);
            MSG_IOVLEN.set(msg, 0L, 1L);
            MemorySegment control = arena.allocate(Math.max(controlSpace, 1), JAVA_LONG.byteAlignment());
            MSG_CONTROL.set(msg, 0L, control);
            MSG_CONTROLLEN.set(msg, 0L, controlSpace);
            MemorySegment name = SockaddrUn.allocate(arena);
            MSG_NAME.set(msg, 0L, name);
            MSG_NAMELEN.set(msg, 0L, (int) name.byteSize());

            long received = Libc.call("recvmsg", RECVMSG, fd, msg, flags);
            // The kernel sets msg_controllen to the bytes of control messages it wrote, and
            // msg_namelen to the length of the sender's address (only the family: unbound).
            long controlLength = (long) MSG_CONTROLLEN.get(msg, 0L);
            int nameLength = Math.min((int) MSG_NAMELEN.get(msg, 0L), (int) name.byteSize());
            byte[] sender = nameLength > SockaddrUn.PATH_OFFSET
                    ? name.asSlice(SockaddrUn.PATH_OFFSET, nameLength - SockaddrUn.PATH_OFFSET).toArray(JAVA_BYTE)
                    : new byte[0];
            return new Received(buffer.asSlice(0, Math.min(received, maxBytes)).toArray(JAVA_BYTE), received,
                    ControlMessage.decode(control, controlLength), (int) MSG_FLAGS.get(msg, 0L), sender);
        }
    }
    // end::receive[]

    private SocketMessages() {
    }
}
