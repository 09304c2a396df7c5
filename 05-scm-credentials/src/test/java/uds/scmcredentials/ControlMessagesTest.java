package uds.scmcredentials;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.List;

import org.junit.jupiter.api.Test;

import uds.support.ControlMessage;
import uds.support.Credentials;
import uds.support.ReceivedControl;
import uds.support.SocketMessages;

/** The C structures and the CMSG_* arithmetic, checked on bytes we build. */
class ControlMessagesTest {

    // tag::sizes[]
    @Test
    void theStructuresHaveTheirCSizes() {
        assertEquals(12, Credentials.UCRED.byteSize());
        assertEquals(16, ControlMessage.CMSGHDR.byteSize());
        assertEquals(16, SocketMessages.IOVEC.byteSize());
        assertEquals(56, SocketMessages.MSGHDR.byteSize());
        assertEquals(110, uds.support.SockaddrUn.LAYOUT.byteSize());
    }

    @Test
    void cmsgLenAndSpaceForAStructUcred() {
        assertEquals(28, ControlMessage.len(12));   // CMSG_LEN(12): header and data
        assertEquals(32, ControlMessage.space(12)); // CMSG_SPACE(12): padded to 8 bytes
        assertEquals(32, ControlMessage.space(16)); // a struct timeval needs no padding
    }
    // end::sizes[]

    @Test
    void buildsTheSameBytesAsCWould() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment control = ControlMessage.encode(arena, List.of(ControlMessage.credentials(new Credentials(1234, 4294967294L, 33))));
            assertEquals(32, control.byteSize());
            assertEquals(28, control.get(JAVA_LONG, 0));     // cmsg_len
            assertEquals(1, control.get(JAVA_INT, 8));       // cmsg_level: SOL_SOCKET
            assertEquals(2, control.get(JAVA_INT, 12));      // cmsg_type: SCM_CREDENTIALS
            assertEquals(1234, control.get(JAVA_INT, 16));   // pid
            assertEquals(-2, control.get(JAVA_INT, 20));     // uid 4294967294, bit for bit
            assertEquals(33, control.get(JAVA_INT, 24));     // gid
        }
    }

    @Test
    void parsesWhatItBuilds() {
        try (Arena arena = Arena.ofConfined()) {
            Credentials credentials = new Credentials(1234, 4294967294L, 33);
            MemorySegment control = ControlMessage.encode(arena, List.of(ControlMessage.credentials(credentials)));
            assertEquals(new ReceivedControl(credentials, List.of(), List.of(), null),
                    ReceivedControl.of(control, control.byteSize()));
        }
    }

    // tag::walk[]
    @Test
    void walksPastAnUnknownMessageAtItsAlignedLength() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment control = arena.allocate(ControlMessage.space(5) + ControlMessage.space(12), 8);
            control.set(JAVA_LONG, 0, ControlMessage.len(5)); // 21 bytes: the next one starts at 24
            control.set(JAVA_INT, 8, 1);
            control.set(JAVA_INT, 12, 99);
            MemorySegment credentials = ControlMessage.encode(arena, List.of(ControlMessage.credentials(new Credentials(7, 8, 9))));
            MemorySegment.copy(credentials, 0, control, ControlMessage.space(5), credentials.byteSize());

            ReceivedControl parsed = ReceivedControl.of(control, control.byteSize());

            assertEquals(new Credentials(7, 8, 9), parsed.credentials());
            assertEquals(List.of("level 1 type 99 (5 bytes)"), parsed.ignored());
        }
    }

    @Test
    void refusesALengthThatRunsPastTheBuffer() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment control = ControlMessage.encode(arena, List.of(ControlMessage.credentials(new Credentials(7, 8, 9))));
            ReceivedControl parsed = ReceivedControl.of(control, 24); // as if cut after 24 bytes
            assertNull(parsed.credentials());
            assertEquals("control message at offset 0 claims 28 bytes, the buffer holds 24", parsed.malformed());
        }
    }
    // end::walk[]

    @Test
    void refusesCredentialsOfTheWrongSize() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment control = ControlMessage.encode(arena, List.of(ControlMessage.credentials(new Credentials(7, 8, 9))));
            control.set(JAVA_LONG, 0, 24L);
            ReceivedControl parsed = ReceivedControl.of(control, 32);
            assertNull(parsed.credentials());
            assertTrue(parsed.malformed().startsWith("SCM_CREDENTIALS of 24 bytes"), parsed.malformed());
        }
    }

    @Test
    void refusesALengthShorterThanTheHeader() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment control = arena.allocate(32, 8);
            control.set(JAVA_LONG, 0, 4L);
            assertEquals("control message at offset 0 claims 4 bytes, the buffer holds 32",
                    ReceivedControl.of(control, 32).malformed());
        }
    }
}
