package uds.support;

import java.io.IOException;
import java.util.Map;

/**
 * A syscall made through FFM failed: which one, and the errno it set. The message names the
 * errno the way the man pages do ({@code ECONNREFUSED}), in English whatever the locale, and
 * code decides from {@link #errno()}, never from the text.
 */
public final class ErrnoException extends IOException {

    // <asm-generic/errno-base.h> and <asm-generic/errno.h>: the same on every architecture
    // SocketConstants knows.
    public static final int EPERM = 1;
    public static final int ENOENT = 2;
    public static final int ESRCH = 3;
    public static final int EINTR = 4;
    public static final int EBADF = 9;
    public static final int EAGAIN = 11;
    public static final int EACCES = 13;
    public static final int EEXIST = 17;
    public static final int ENXIO = 6;
    public static final int EINVAL = 22;
    public static final int EMLINK = 31;
    public static final int ENOSPC = 28;
    public static final int EDQUOT = 122;
    public static final int EIO = 5;
    public static final int EPIPE = 32;
    public static final int ENOSYS = 38;
    public static final int ELOOP = 40;
    public static final int ENOTSOCK = 88;
    public static final int ENOPROTOOPT = 92;
    public static final int ENOBUFS = 105;
    public static final int EMSGSIZE = 90;
    public static final int EPROTOTYPE = 91;
    public static final int EADDRINUSE = 98;
    public static final int ECONNRESET = 104;
    public static final int ENOTCONN = 107;
    public static final int ECONNREFUSED = 111;

    private static final Map<Integer, String> NAMES = Map.ofEntries(
            Map.entry(EPERM, "EPERM (Operation not permitted)"),
            Map.entry(ENOENT, "ENOENT (No such file or directory)"),
            Map.entry(ESRCH, "ESRCH (No such process)"),
            Map.entry(EINTR, "EINTR (Interrupted system call)"),
            Map.entry(EBADF, "EBADF (Bad file descriptor)"),
            Map.entry(EAGAIN, "EAGAIN (Resource temporarily unavailable)"),
            Map.entry(EACCES, "EACCES (Permission denied)"),
            Map.entry(EEXIST, "EEXIST (File exists)"),
            Map.entry(ENXIO, "ENXIO (No such device or address)"),
            Map.entry(EINVAL, "EINVAL (Invalid argument)"),
            Map.entry(EIO, "EIO (Input/output error)"),
            Map.entry(ENOSPC, "ENOSPC (No space left on device)"),
            Map.entry(EDQUOT, "EDQUOT (Disk quota exceeded)"),
            Map.entry(EMLINK, "EMLINK (Too many links)"),
            Map.entry(EPIPE, "EPIPE (Broken pipe)"),
            Map.entry(ENOSYS, "ENOSYS (Function not implemented)"),
            Map.entry(ENOTSOCK, "ENOTSOCK (Socket operation on non-socket)"),
            Map.entry(ELOOP, "ELOOP (Too many levels of symbolic links)"),
            Map.entry(ENOPROTOOPT, "ENOPROTOOPT (Protocol not available)"),
            Map.entry(ENOBUFS, "ENOBUFS (No buffer space available)"),
            Map.entry(EMSGSIZE, "EMSGSIZE (Message too long)"),
            Map.entry(EPROTOTYPE, "EPROTOTYPE (Protocol wrong type for socket)"),
            Map.entry(EADDRINUSE, "EADDRINUSE (Address already in use)"),
            Map.entry(ECONNRESET, "ECONNRESET (Connection reset by peer)"),
            Map.entry(ENOTCONN, "ENOTCONN (Transport endpoint is not connected)"),
            Map.entry(ECONNREFUSED, "ECONNREFUSED (Connection refused)"));

    private final int errno;

    public ErrnoException(String call, int errno) {
        super(call + " failed: " + describe(errno));
        this.errno = errno;
    }

    public int errno() {
        return errno;
    }

    /** {@code ENOENT (No such file or directory)}, or {@code errno 71} for one not listed. */
    public static String describe(int errno) {
        return NAMES.getOrDefault(errno, "errno " + errno);
    }
}
