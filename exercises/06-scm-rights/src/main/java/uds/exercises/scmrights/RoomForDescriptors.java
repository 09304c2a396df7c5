package uds.exercises.scmrights;

/**
 * Exercise 06.1: how much control buffer recvmsg needs to receive n descriptors, and no more.
 * On 64-bit Linux a struct cmsghdr is 16 bytes, a descriptor is a 4-byte int, and the kernel
 * installs as many descriptors as whole ints fit after the header.
 * (Walkthrough 06, step 4. Checked by RoomForDescriptorsTest.)
 */
final class RoomForDescriptors {

    static final long HEADER = 16;

    /** The control buffer size that takes exactly n descriptors: one more sets MSG_CTRUNC. */
    static long exactly(int n) {
        // TODO: CMSG_SPACE pads the data to 8 bytes; is that what "exactly" needs?
        return HEADER + (n * 4L + 7) / 8 * 8;
    }

    /** How many descriptors the kernel installs into a control buffer of size bytes. */
    static int fitting(long size) {
        // TODO: whole ints after the header
        return 0;
    }

    private RoomForDescriptors() {
    }
}
