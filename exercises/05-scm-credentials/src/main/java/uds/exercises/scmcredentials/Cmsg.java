package uds.exercises.scmcredentials;

/**
 * Exercise 05.1: the CMSG_LEN and CMSG_SPACE macros of cmsg(3), on 64-bit Linux, where a
 * struct cmsghdr is 16 bytes and control messages are aligned to 8 bytes (sizeof(size_t)).
 * (Walkthrough 05, step 1. Checked by CmsgTest.)
 */
final class Cmsg {

    static final long HEADER = 16;
    static final long ALIGN = 8;

    /** CMSG_LEN(n): what cmsg_len says for n bytes of data. */
    static long len(long n) {
        return HEADER + n;
    }

    /** CMSG_SPACE(n): what one control message with n bytes of data takes in the buffer. */
    static long space(long n) {
        // TODO: the next control message starts at the next multiple of ALIGN.
        return HEADER + n;
    }

    private Cmsg() {
    }
}
