package uds.peercred;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsclub.net.unix.AFUNIXServerSocket;
import org.newsclub.net.unix.AFUNIXSocket;
import org.newsclub.net.unix.AFUNIXSocketAddress;
import org.newsclub.net.unix.FileDescriptorCast;

import uds.support.Credentials;
import uds.support.SocketOption;

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

    /**
     * This lesson spells out struct ucred and the getsockopt call itself, as the snippet to
     * learn from; the other lessons call support's copy. The two must not drift apart.
     */
    @Test
    void theLessonsOwnCopyMatchesTheSharedOne(@TempDir Path dir) throws Exception {
        assertEquals(Credentials.UCRED, PeerCredentials.UCRED);
        try (AFUNIXServerSocket server = AFUNIXServerSocket.newInstance()) {
            server.bind(AFUNIXSocketAddress.of(dir.resolve("s")));
            try (AFUNIXSocket client = AFUNIXSocket.connectTo(AFUNIXSocketAddress.of(dir.resolve("s")));
                 AFUNIXSocket connection = server.accept()) {
                PeerCredentials lessons = Getsockopt.peerCredentials(connection.getFileDescriptor());
                Credentials shared = SocketOption.peerCredentials(
                        FileDescriptorCast.using(connection.getFileDescriptor()).as(Integer.class));
                assertEquals(new Credentials(lessons.pid(), lessons.uid(), lessons.gid()), shared);
            }
        }
    }

    @Test
    void describesWithNamesWhereTheDatabaseHasThem() {
        assertEquals("pid=1 uid=0(root) gid=0(root)", new PeerCredentials(1, 0, 0).describe());
        assertEquals("pid=2 uid=4294967294 gid=4000000000", new PeerCredentials(2, 4294967294L, 4000000000L).describe());
    }
}
