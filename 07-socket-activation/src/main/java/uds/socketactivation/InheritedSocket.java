package uds.socketactivation;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static uds.support.SocketConstants.AF_UNIX;
import static uds.support.SocketConstants.FD_CLOEXEC;
import static uds.support.SocketConstants.F_SETFD;
import static uds.support.SocketConstants.SOCK_SEQPACKET;
import static uds.support.SocketConstants.SOCK_STREAM;
import static uds.support.SocketConstants.SO_ACCEPTCONN;
import static uds.support.SocketConstants.SO_DOMAIN;
import static uds.support.SocketConstants.SO_TYPE;

import java.io.IOException;
import java.lang.invoke.MethodHandle;

import uds.support.ErrnoException;
import uds.support.Libc;
import uds.support.SocketOption;

/**
 * A descriptor we inherited, checked before we trust it: that it is open, an AF_UNIX socket
 * of the type we serve, and listening. A service manager's configuration can be wrong, and
 * LISTEN_FDS says how many, not what.
 */
final class InheritedSocket {

    private static final MethodHandle FCNTL = Libc.variadicWithErrno("fcntl", 2, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT);

    // tag::check[]
    /** Checks fd is a listening AF_UNIX socket of type (SOCK_STREAM or SOCK_SEQPACKET), then marks it close-on-exec. */
    static void check(int fd, int type) throws IOException {
        try {
            int domain = SocketOption.get(fd, SO_DOMAIN);
            int actual = SocketOption.get(fd, SO_TYPE);
            if (domain != AF_UNIX) {
                throw new IOException("descriptor " + fd + " is a socket of address family " + domain + ", not AF_UNIX");
            }
            if (actual != type) {
                throw new IOException("descriptor " + fd + " is a " + typeName(actual) + " socket, not " + typeName(type)
                        + (type == SOCK_SEQPACKET ? ": start the service manager with --seqpacket" : ": drop --seqpacket"));
            }
            if (SocketOption.get(fd, SO_ACCEPTCONN) != 1) {
                throw new IOException("descriptor " + fd + " is a connected socket, not a listening one: for one"
                        + " connection per process (inetd style, --accept) use server --inetd");
            }
            // Nothing we start inherits the socket: it is ours, not our children's.
            Libc.call("fcntl", FCNTL, fd, F_SETFD, FD_CLOEXEC);
        } catch (ErrnoException e) {
            throw switch (e.errno()) {
                case ErrnoException.EBADF -> new IOException("descriptor " + fd + " is not open: LISTEN_FDS promised it", e);
                case ErrnoException.ENOTSOCK -> new IOException("descriptor " + fd + " is not a socket", e);
                default -> e;
            };
        }
    }
    // end::check[]

    static String typeName(int type) {
        return type == SOCK_STREAM ? "SOCK_STREAM" : type == SOCK_SEQPACKET ? "SOCK_SEQPACKET" : "type " + type;
    }

    private InheritedSocket() {
    }
}
