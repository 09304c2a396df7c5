package uds.scmrights;

import static uds.support.SocketConstants.SO_PASSRIGHTS;

import java.io.FileDescriptor;
import java.io.IOException;

import uds.support.ErrnoException;
import uds.support.SocketOption;

/**
 * SO_PASSRIGHTS (Linux 6.16): a socket that says 0 gets no descriptors at all; the kernel
 * fails the sender's sendmsg with EPERM instead of queueing them. Set on a listening socket,
 * every socket it accepts inherits it.
 */
final class PassRights {

    // tag::refuse[]
    /** Turns descriptor passing off for socket: true if done, false on a kernel without SO_PASSRIGHTS. */
    static boolean refuse(FileDescriptor socket) throws IOException {
        try {
            SocketOption.set(Descriptors.number(socket), SO_PASSRIGHTS, 0);
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
