package uds.scmrights;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static uds.support.SocketConstants.SOL_SOCKET;
import static uds.support.SocketConstants.SO_PASSRIGHTS;

import java.io.FileDescriptor;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

import uds.support.ErrnoException;
import uds.support.Libc;

/**
 * SO_PASSRIGHTS (Linux 6.16): a socket that says 0 gets no descriptors at all; the kernel
 * fails the sender's sendmsg with EPERM instead of queueing them. Set on a listening socket,
 * every socket it accepts inherits it.
 */
final class PassRights {

    private static final MethodHandle SETSOCKOPT = Libc.withErrno("setsockopt",
            JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT);

    // tag::refuse[]
    /** Turns descriptor passing off for socket: true if done, false on a kernel without SO_PASSRIGHTS. */
    static boolean refuse(FileDescriptor socket) throws IOException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment off = arena.allocateFrom(JAVA_INT, 0);
            Libc.call("setsockopt", SETSOCKOPT, Descriptors.number(socket), SOL_SOCKET, SO_PASSRIGHTS, off,
                    (int) off.byteSize());
            return true;
        } catch (ErrnoException e) {
            if (e.errno() == ErrnoException.ENOPROTOOPT) {
                return false; // before Linux 6.16: the option does not exist
            }
            throw e;
        }
    }
    // end::refuse[]

    private PassRights() {
    }
}
