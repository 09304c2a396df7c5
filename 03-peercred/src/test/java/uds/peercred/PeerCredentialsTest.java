package uds.peercred;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import org.junit.jupiter.api.Test;

class PeerCredentialsTest {

    // tag::unsigned[]
    @Test
    void unpacksUidAndGidAsUnsigned() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment ucred = arena.allocate(PeerCredentials.UCRED);
            ucred.set(JAVA_INT, 0, 1234);                 // pid
            ucred.set(JAVA_INT, 4, (int) 4294967294L);    // uid: the bits of 0xfffffffe
            ucred.set(JAVA_INT, 8, (int) 4000000000L);    // gid

            assertEquals(new PeerCredentials(1234, 4294967294L, 4000000000L), PeerCredentials.fromUcred(ucred));

            // The mistake of struct.unpack("3i"): the same bytes read as signed ints.
            assertEquals(-2, ucred.get(JAVA_INT, 4));
            assertEquals(-294967296, ucred.get(JAVA_INT, 8));
        }
    }
    // end::unsigned[]

    @Test
    void structUcredIsTwelveBytes() {
        assertEquals(12, PeerCredentials.UCRED.byteSize());
    }

    @Test
    void describesWithNamesWhereTheDatabaseHasThem() {
        assertEquals("pid=1 uid=0(root) gid=65534(nogroup)", new PeerCredentials(1, 0, 65534).describe());
        assertEquals("pid=2 uid=4294967294 gid=4000000000", new PeerCredentials(2, 4294967294L, 4000000000L).describe());
    }
}
