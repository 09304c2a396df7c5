package uds.support;

import java.util.List;

/**
 * The kernel's numbers for sockets that the lessons pass to syscalls through FFM, in one
 * place that refuses to run where it does not know them.
 *
 * <p>They come from {@code <asm-generic/socket.h>} and {@code <linux/socket.h>}, which
 * x86_64, arm64 and riscv64 use. MIPS, PowerPC, SPARC, Alpha and PA-RISC have headers of
 * their own with other numbers (on MIPS even SOCK_STREAM and SOCK_DGRAM trade places), and
 * the lessons' struct layouts assume 64-bit pointers: on any other architecture the first
 * use of this class fails with {@link UnknownArchitecture} rather than pass a wrong number
 * to the kernel.
 */
public final class SocketConstants {

    /** The architectures whose values are below (as {@code os.arch} names them). */
    public static final List<String> KNOWN_ARCHITECTURES = List.of("amd64", "aarch64", "riscv64");

    /** Thrown on the first use of the constants on an architecture not listed above. */
    public static final class UnknownArchitecture extends UnsupportedOperationException {
        UnknownArchitecture(String arch) {
            super("the socket constants of this course are known for Linux on " + KNOWN_ARCHITECTURES
                    + " only, not on " + arch + ": refusing to guess numbers for the kernel");
        }
    }

    // Not compile-time constants on purpose: javac would copy a literal into each caller, and
    // the check below would never run.
    // tag::constants[]
    public static final int AF_UNIX = known(1);
    public static final int SOCK_STREAM = known(1);
    public static final int SOCK_DGRAM = known(2);
    public static final int SOCK_SEQPACKET = known(5);
    /** shutdown(2): no more sending on this socket; the peer reads end of stream. */
    public static final int SHUT_WR = known(1);

    public static final int SOL_SOCKET = known(1);
    public static final int SO_TYPE = known(3);
    public static final int SO_SNDBUF = known(7);
    public static final int SO_RCVBUF = known(8);
    public static final int SO_PASSCRED = known(16);
    public static final int SO_PEERCRED = known(17);
    public static final int SO_RCVTIMEO = known(20);
    public static final int SO_SNDTIMEO = known(21);
    public static final int SO_TIMESTAMP = known(29);
    /** 1 on a socket that listen() was called on. */
    public static final int SO_ACCEPTCONN = known(30);
    /** The socket's address family, AF_UNIX for ours. */
    public static final int SO_DOMAIN = known(39);
    /** Linux 6.5: a pidfd for the peer, not a pid that may have been reused. */
    public static final int SO_PEERPIDFD = known(77);
    /** Linux 6.16: 0 makes the kernel refuse SCM_RIGHTS sent to this socket (the sender gets EPERM). */
    public static final int SO_PASSRIGHTS = known(83);

    public static final int SCM_RIGHTS = known(1);
    public static final int SCM_CREDENTIALS = known(2);

    public static final int MSG_CTRUNC = known(0x08);
    public static final int MSG_DONTWAIT = known(0x40);
    public static final int MSG_TRUNC = known(0x20);
    public static final int MSG_CMSG_CLOEXEC = known(0x40000000);

    /** SCM_MAX_FD: the most descriptors the kernel carries in one SCM_RIGHTS message. */
    public static final int SCM_MAX_FD = known(253);
    // end::constants[]

    // poll(2) events: <asm-generic/poll.h>, the same on the three architectures.
    public static final int POLLIN = known(0x001);
    public static final int POLLRDHUP = known(0x2000);

    // open(2) flags, for the file lesson 04's server writes and those lesson 06's opens: <asm-generic/fcntl.h> on x86_64
    // and riscv64; arm64's <asm/fcntl.h> has an O_NOFOLLOW of its own.
    public static final int O_RDONLY = known(0);
    public static final int O_WRONLY = known(01);
    public static final int O_CREAT = known(0100);
    public static final int O_EXCL = known(0200);
    public static final int O_NOFOLLOW = known("aarch64".equals(System.getProperty("os.arch")) ? 0100000 : 0400000);
    public static final int O_NOCTTY = known(0400);
    public static final int O_NONBLOCK = known(04000);
    public static final int O_CLOEXEC = known(02000000);
    /** socket(2), accept4(2): the new descriptor is close-on-exec; the same bit as O_CLOEXEC. */
    public static final int SOCK_CLOEXEC = known(02000000);

    /** openat2(2) (lesson 06), called through syscall(2): glibc 2.36 has no wrapper. */
    public static final long SYS_OPENAT2 = known(437);

    // fcntl(2): <asm-generic/fcntl.h>.
    public static final int F_SETFD = known(2);
    public static final int FD_CLOEXEC = known(1);

    private static int known(int value) {
        String arch = System.getProperty("os.arch");
        if (!KNOWN_ARCHITECTURES.contains(arch) || !"Linux".equals(System.getProperty("os.name"))) {
            throw new UnknownArchitecture(arch);
        }
        return value;
    }

    private SocketConstants() {
    }
}
