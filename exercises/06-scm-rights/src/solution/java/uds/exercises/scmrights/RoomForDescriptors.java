package uds.exercises.scmrights;

/**
 * Exercise 06.1, solved: CMSG_LEN(4 n), not CMSG_SPACE(4 n), whose padding is room for one
 * more descriptor when n is odd.
 */
final class RoomForDescriptors {

    static final long HEADER = 16;

    static long exactly(int n) {
        return HEADER + n * 4L;
    }

    static int fitting(long size) {
        return size < HEADER ? 0 : (int) ((size - HEADER) / 4);
    }

    private RoomForDescriptors() {
    }
}
