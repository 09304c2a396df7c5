package uds.peercred;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static uds.support.SocketConstants.SO_PEERPIDFD;

import java.io.FileDescriptor;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

import org.newsclub.net.unix.FileDescriptorCast;

import uds.support.ErrnoException;
import uds.support.Libc;
import uds.support.SocketOption;

/**
 * The peer as a process, not as a number. SO_PEERCRED's pid is a snapshot: once the peer
 * exits, the kernel may give its pid to any new process, and /proc/PID then describes a
 * stranger. SO_PEERPIDFD (Linux 6.5) hands out a pidfd instead, a descriptor that refers to
 * that one process for as long as it is held, and says when the process is gone.
 */
final class PeerPidfd implements AutoCloseable {

    /** The kernel has no SO_PEERPIDFD (before Linux 6.5): only the pid is to be had. */
    static final class Unsupported extends IOException {
        Unsupported(ErrnoException cause) {
            super("this kernel has no SO_PEERPIDFD (Linux 6.5 added it): " + cause.getMessage(), cause);
        }
    }

    /** int pidfd_send_signal(int pidfd, int sig, siginfo_t *info, unsigned int flags), glibc 2.36. */
    private static final MethodHandle PIDFD_SEND_SIGNAL = Libc.withErrno("pidfd_send_signal", JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT);

    private final int pidfd;
    private boolean closed;

    private PeerPidfd(int pidfd) {
        this.pidfd = pidfd;
    }

    // tag::open[]
    /** {@code getsockopt(fd, SOL_SOCKET, SO_PEERPIDFD)}: a pidfd for the process at the other end. */
    static PeerPidfd of(FileDescriptor socket) throws IOException {
        int fd = FileDescriptorCast.using(socket).as(Integer.class);
        try {
            return new PeerPidfd(SocketOption.get(fd, SO_PEERPIDFD)); // the option's value is the new descriptor
        } catch (ErrnoException e) {
            // ENOPROTOOPT: an older kernel. (Some kernels refuse with EINVAL for a peer that has
            // already exited; 6.18, tested here, still hands out a pidfd, which then says gone.)
            throw e.errno() == ErrnoException.ENOPROTOOPT ? new Unsupported(e) : e;
        }
    }

    /** True while the process runs: signal 0 checks, and sends nothing (ESRCH once it exited). */
    boolean alive() throws IOException {
        try {
            Libc.call("pidfd_send_signal", PIDFD_SEND_SIGNAL, pidfd, 0, MemorySegment.NULL, 0);
            return true;
        } catch (ErrnoException e) {
            if (e.errno() == ErrnoException.ESRCH) {
                return false;
            }
            throw e;
        }
    }
    // end::open[]

    // tag::proc[]
    /**
     * A line of /proc/PID/status (such as "Name:"), for the process this pidfd refers to, or
     * empty if it is gone. The pidfd is asked <em>after</em> the read: if the process still runs
     * then, the pid cannot have been reused in between, and the line was about our peer.
     */
    Optional<String> procStatus(long pid, String field) throws IOException {
        String line;
        try {
            line = Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")).stream()
                    .filter(l -> l.startsWith(field)).findFirst().orElse(null);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        return alive() ? Optional.ofNullable(line) : Optional.empty();
    }
    // end::proc[]

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            Libc.closeQuietly(pidfd);
        }
    }
}
