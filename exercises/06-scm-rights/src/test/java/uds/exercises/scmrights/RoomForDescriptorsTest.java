package uds.exercises.scmrights;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import uds.support.testing.Exercise;

@Exercise(id = "06.1", title = "Room for exactly n descriptors", step = "Step 4: more descriptors than room: MSG_CTRUNC",
        file = "RoomForDescriptors.java",
        statement = "`exactly(1)` must be the buffer that takes one descriptor and no second one (20 bytes), and"
                + " `fitting(size)` the number of descriptors the kernel installs into `size` bytes.",
        hints = {
            "CMSG_SPACE(4) is 24 bytes: 16 of header, 4 of descriptor, 4 of padding. The kernel puts a second"
                    + " descriptor into that padding.",
            "`exactly(n)` is CMSG_LEN(4 n) = 16 + 4 n; `fitting(size)` is (size - 16) / 4, and 0 below 16 bytes."})
class RoomForDescriptorsTest {

    @Test
    void oneDescriptorNeedsTwentyBytesNotTwentyFour() {
        assertEquals(20, RoomForDescriptors.exactly(1));
        assertEquals(24, RoomForDescriptors.exactly(2));
        assertEquals(16 + 253 * 4, RoomForDescriptors.exactly(253), "SCM_MAX_FD");
    }

    @Test
    void theKernelFillsEveryWholeIntOfRoom() {
        assertEquals(2, RoomForDescriptors.fitting(24), "CMSG_SPACE(4): room for two");
        assertEquals(1, RoomForDescriptors.fitting(20));
        assertEquals(60, RoomForDescriptors.fitting(256), "junixsocket's smallest buffer");
        assertEquals(0, RoomForDescriptors.fitting(8));
    }
}
