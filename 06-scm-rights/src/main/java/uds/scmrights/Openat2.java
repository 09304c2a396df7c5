package uds.scmrights;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static uds.support.SocketConstants.O_CLOEXEC;
import static uds.support.SocketConstants.O_NOCTTY;
import static uds.support.SocketConstants.O_NONBLOCK;
import static uds.support.SocketConstants.O_RDONLY;

import java.lang.foreign.Arena;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.invoke.MethodHandle;
import java.nio.file.Path;

import uds.support.ErrnoException;
import uds.support.Libc;
import uds.support.SocketConstants;

/**
 * openat2(2) with RESOLVE_NO_SYMLINKS (Linux 5.6): open a path only if not one of its
 * components is a symbolic link, decided by the kernel during the lookup itself. A check
 * before open (lstat each directory, then open) leaves a window in which a local user swaps a
 * directory for a link to /etc; O_NOFOLLOW guards the last component only. glibc 2.36 has no
 * wrapper, so this goes through syscall(2).
 */
final class Openat2 {

    // 437 on x86_64, arm64 and riscv64, the architectures SocketConstants knows: from 424 on, new
    // syscalls share one number there, but alpha and the MIPS ABIs add offsets of their own.
    private static final long SYS_OPENAT2 = SocketConstants.SYS_OPENAT2;
    private static final int AT_FDCWD = -100;
    private static final long RESOLVE_NO_MAGICLINKS = 0x02;
    private static final long RESOLVE_NO_SYMLINKS = 0x04;

    /** struct open_how: three u64, whatever the architecture. */
    private static final StructLayout OPEN_HOW = MemoryLayout.structLayout(
            JAVA_LONG.withName("flags"), JAVA_LONG.withName("mode"), JAVA_LONG.withName("resolve"));

    private static final MethodHandle SYSCALL = Libc.variadicWithErrno("syscall", 1,
            JAVA_LONG, JAVA_LONG, JAVA_INT, ADDRESS, ADDRESS, JAVA_LONG);

    // tag::open[]
    /**
     * Opens path read-only and returns the new descriptor. ELOOP: a symbolic link on the way.
     * O_NONBLOCK: a FIFO planted at the path must not make the opener wait for a writer (the
     * caller still refuses anything but a regular file). O_NOCTTY: a terminal never becomes
     * ours. O_CLOEXEC: no child process inherits it.
     */
    static int openReadOnly(Path path) throws ErrnoException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment how = arena.allocate(OPEN_HOW);
            how.set(JAVA_LONG, 0, (long) (O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC));
            how.set(JAVA_LONG, 16, RESOLVE_NO_SYMLINKS | RESOLVE_NO_MAGICLINKS);
            return (int) Libc.call("openat2", SYSCALL, SYS_OPENAT2, AT_FDCWD, arena.allocateFrom(path.toString()),
                    how, OPEN_HOW.byteSize());
        }
    }
    // end::open[]

    private Openat2() {
    }
}
