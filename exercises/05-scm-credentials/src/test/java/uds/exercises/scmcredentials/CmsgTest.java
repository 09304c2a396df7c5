package uds.exercises.scmcredentials;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import uds.support.testing.Exercise;

@Exercise(id = "05.1", title = "CMSG_LEN and CMSG_SPACE", step = "Step 1: the C structures, as memory layouts",
        file = "Cmsg.java",
        statement = "`space(n)` must count the padding after the data, as CMSG_SPACE does: 12 bytes of `struct ucred`"
                + " take 32 bytes in the buffer, though `cmsg_len` says 28.",
        hints = {
            "The header (16 bytes) is already a multiple of 8; only the data needs rounding up.",
            "Round n up to a multiple of 8: `(n + 7) / 8 * 8`."})
class CmsgTest {

    @Test
    void credentialsAre28BytesLongAndTake32() {
        assertEquals(28, Cmsg.len(12));
        assertEquals(32, Cmsg.space(12));
    }

    @Test
    void descriptorsArePaddedToo() {
        assertEquals(24, Cmsg.space(4), "one descriptor");
        assertEquals(24, Cmsg.space(8), "two descriptors: no padding needed");
        assertEquals(32, Cmsg.space(12), "three descriptors");
    }
}
