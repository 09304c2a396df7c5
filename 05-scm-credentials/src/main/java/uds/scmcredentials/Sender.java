package uds.scmcredentials;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import uds.support.Credentials;
import uds.support.ErrnoException;
import uds.support.UnixSocket;

/**
 * The sender of lesson 05 (its partner: {@link Receiver}): sends each text with an
 * SCM_CREDENTIALS control message holding its own credentials, or the ones it claims.
 */
final class Sender {

    /** What to send: null credentials means no control message at all. */
    static void run(Path path, boolean stream, Credentials credentials, List<String> texts) throws IOException {
        try (UnixSocket socket = stream ? UnixSocket.stream() : UnixSocket.datagram()) {
            if (stream) {
                socket.connect(path);
            }
            for (String text : texts) {
                try {
                    socket.send(stream ? null : path, text.getBytes(StandardCharsets.UTF_8), credentials);
                } catch (ErrnoException e) {
                    throw explain(e, credentials);
                }
            }
        }
    }

    // tag::explain[]
    /** What the kernel's refusal means for credentials. */
    static IOException explain(ErrnoException e, Credentials claimed) {
        return switch (e.errno()) {
            case ErrnoException.EPERM -> new IOException(e.getMessage() + ": the kernel accepts only the"
                    + " sender's own pid, and a uid and gid among its real, effective and saved ones, unless it"
                    + " is privileged (CAP_SYS_ADMIN for a pid, CAP_SETUID for a uid, CAP_SETGID for a gid)", e);
            case ErrnoException.ESRCH -> new IOException(e.getMessage() + ": no process has pid "
                    + claimed.pid(), e);
            case ErrnoException.EACCES -> new IOException(e.getMessage() + ": sending needs write"
                    + " permission on the socket file", e);
            default -> e;
        };
    }
    // end::explain[]

    private Sender() {
    }
}
