package uds.exercises.peercred;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import org.junit.jupiter.api.Test;

import uds.support.testing.Exercise;

@Exercise(id = "03.1", title = "Unpack struct ucred, unsigned", step = "Step 2: unpack `struct ucred`, unsigned",
        file = "Ucred.java",
        statement = "`Ucred.fromBytes` must read pid as a signed int and uid and gid as unsigned ones: a uid of"
                + " 4294967294 is not -2.",
        hints = {
            "`ByteBuffer.getInt` gives a signed int; a uid above 2147483647 comes out negative.",
            "`Integer.toUnsignedLong(int)` turns the same 32 bits into the unsigned number."})
class UcredTest {

    private static byte[] ucred(int pid, int uid, int gid) {
        return ByteBuffer.allocate(12).order(ByteOrder.nativeOrder()).putInt(pid).putInt(uid).putInt(gid).array();
    }

    @Test
    void smallIdsReadTheSameEitherWay() {
        assertEquals(new Ucred(1234, 33, 33), Ucred.fromBytes(ucred(1234, 33, 33)));
    }

    @Test
    void idsAboveTwoToTheThirtyOneAreUnsigned() {
        // uid 4294967294 and gid 4000000000: both exist on real systems (setpriv --reuid=4294967294)
        Ucred peer = Ucred.fromBytes(ucred(99, (int) 4294967294L, (int) 4000000000L));
        assertEquals(4294967294L, peer.uid());
        assertEquals(4000000000L, peer.gid());
        assertEquals(99, peer.pid());
    }
}
