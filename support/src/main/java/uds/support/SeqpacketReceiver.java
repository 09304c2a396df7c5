package uds.support;

import static uds.support.SocketConstants.MSG_CMSG_CLOEXEC;
import static uds.support.SocketConstants.SCM_CREDENTIALS;
import static uds.support.SocketConstants.SOL_SOCKET;
import static uds.support.SocketConstants.SO_PASSCRED;

import java.util.Arrays;

/**
 * Receives on a SOCK_SEQPACKET connection and tells an empty datagram from the end of the
 * connection, which recv(2) does not: it returns 0 for both and sets no flag. Lessons 04 and
 * 07 receive through it.
 *
 * <p>The kernel's own way to tell them apart: with SO_PASSCRED on the receiving socket, every
 * datagram that is read comes with an SCM_CREDENTIALS control message (an empty one too, and
 * one queued before the option was set, then with the kernel's "no credentials" ids), while
 * the end of the connection comes with none. Polling for POLLRDHUP and asking FIONREAD cannot
 * do it: an empty datagram counts 0 bytes, so one sent just before the peer hangs up looks
 * exactly like the end.
 */
public final class SeqpacketReceiver {

    /** Room for the one SCM_CREDENTIALS message (CMSG_SPACE of struct ucred's 12 bytes). */
    private static final long CONTROL_SPACE = ControlMessage.space(12);

    /** One datagram: its bytes, cut at the size asked for, and whether it was longer (MSG_TRUNC). */
    public record Datagram(byte[] data, boolean cut) {
    }

    private final int fd;

    // tag::end-of-stream[]
    /** Turns SO_PASSCRED on for connection fd: from now on every datagram read carries credentials. */
    public SeqpacketReceiver(int fd) throws ErrnoException {
        this.fd = fd;
        SocketOption.set(fd, SO_PASSCRED, 1);
    }

    /**
     * The next datagram, of at most max bytes; null at the end of the connection. Descriptors
     * a peer attached do not fit beside the credentials (MSG_CTRUNC): the kernel closes them.
     */
    public Datagram receive(int max) throws ErrnoException {
        SocketMessages.Received message = SocketMessages.receive(fd, max, CONTROL_SPACE, MSG_CMSG_CLOEXEC);
        Arrays.stream(message.descriptors()).forEach(Libc::closeQuietly); // none fit; if any did, not ours
        boolean datagram = message.control().messages().stream()
                .anyMatch(control -> control.level() == SOL_SOCKET && control.type() == SCM_CREDENTIALS);
        if (message.length() == 0 && !datagram) {
            return null; // no bytes and no credentials: the peer has hung up
        }
        return new Datagram(message.data(), message.textCut());
    }
    // end::end-of-stream[]
}
