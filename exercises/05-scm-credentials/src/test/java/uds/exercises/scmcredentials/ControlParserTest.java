package uds.exercises.scmcredentials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.List;

import org.junit.jupiter.api.Test;

import uds.support.testing.Exercise;

@Exercise(id = "05.3", title = "Parse a control buffer with two messages", step = "Step 4: parse control messages carefully",
        file = "ControlParser.java",
        statement = "`parse(control, length)` must find every control message in the buffer, each starting at the"
                + " aligned end of the one before, and refuse a `cmsg_len` that does not fit.",
        hints = {
            "After SCM_CREDENTIALS (`cmsg_len` 28) the next message starts at 32, not 28: round up to 8.",
            "Check each `cmsg_len` before you use it: at least 16 (its own header), and no further than `length`."})
class ControlParserTest {

    /** What recvmsg writes for credentials plus two descriptors: 32 + 24 bytes. */
    private static MemorySegment credentialsThenTwoDescriptors(Arena arena) {
        MemorySegment control = arena.allocate(56, 8);
        control.set(ValueLayout.JAVA_LONG, 0, 28);
        control.set(ValueLayout.JAVA_INT, 8, 1);  // SOL_SOCKET
        control.set(ValueLayout.JAVA_INT, 12, 2); // SCM_CREDENTIALS
        control.set(ValueLayout.JAVA_INT, 16, 4321);
        control.set(ValueLayout.JAVA_LONG, 32, 24);
        control.set(ValueLayout.JAVA_INT, 40, 1); // SOL_SOCKET
        control.set(ValueLayout.JAVA_INT, 44, 1); // SCM_RIGHTS
        control.set(ValueLayout.JAVA_INT, 48, 7);
        control.set(ValueLayout.JAVA_INT, 52, 8);
        return control;
    }

    @Test
    void bothMessagesAreFoundAtTheirAlignedOffsets() {
        try (Arena arena = Arena.ofConfined()) {
            assertEquals(List.of(new ControlParser.Entry(1, 2, 12), new ControlParser.Entry(1, 1, 8)),
                    ControlParser.parse(credentialsThenTwoDescriptors(arena), 56));
        }
    }

    @Test
    void aLengthThatRunsPastTheBufferIsRefused() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment control = credentialsThenTwoDescriptors(arena);
            control.set(ValueLayout.JAVA_LONG, 32, 4000); // a lie
            assertThrows(IllegalArgumentException.class, () -> ControlParser.parse(control, 56));
        }
    }

    @Test
    void aLengthShorterThanItsHeaderIsRefused() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment control = credentialsThenTwoDescriptors(arena);
            control.set(ValueLayout.JAVA_LONG, 0, 0); // would loop forever, or read garbage
            assertThrows(IllegalArgumentException.class, () -> ControlParser.parse(control, 56));
        }
    }
}
