package uds.scmcredentials;

import java.io.IOException;

/** A syscall failed: which one, and the errno it set. */
final class ErrnoException extends IOException {

    static final int EPERM = 1;
    static final int ESRCH = 3;
    static final int EACCES = 13;

    private final int errno;

    ErrnoException(String call, int errno) {
        super(call + " failed: " + Libc.describe(errno));
        this.errno = errno;
    }

    int errno() {
        return errno;
    }
}
