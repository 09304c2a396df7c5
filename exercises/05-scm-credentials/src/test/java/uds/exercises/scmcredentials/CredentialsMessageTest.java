package uds.exercises.scmcredentials;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.lang.foreign.Arena;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import org.junit.jupiter.api.Test;

import uds.support.testing.Exercise;

@Exercise(id = "05.2", title = "Build the SCM_CREDENTIALS message", step = "Step 2: send credentials",
        file = "CredentialsMessage.java",
        statement = "`build(arena, pid, uid, gid)` must lay out the 32 bytes the kernel expects: `cmsg_len` 28, level"
                + " `SOL_SOCKET`, type `SCM_CREDENTIALS`, then pid, uid and gid at offset 16.",
        hints = {
            "`cmsg_len` is CMSG_LEN(12): the 16-byte header plus the 12 bytes of data, without the padding.",
            "The data starts right after the header: `control.set(JAVA_INT, 16, pid)`, then 20 and 24."})
class CredentialsMessageTest {

    @Test
    void theBytesAreTheOnesCWouldBuild() {
        ByteBuffer expected = ByteBuffer.allocate(32).order(ByteOrder.nativeOrder())
                .putLong(28).putInt(1).putInt(2) // cmsg_len, SOL_SOCKET, SCM_CREDENTIALS
                .putInt(4321).putInt(1000).putInt(100) // struct ucred
                .putInt(0); // padding to CMSG_SPACE(12)
        try (Arena arena = Arena.ofConfined()) {
            byte[] built = CredentialsMessage.build(arena, 4321, 1000, 100).toArray(ValueLayout.JAVA_BYTE);
            assertArrayEquals(expected.array(), built);
        }
    }
}
