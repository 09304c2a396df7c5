package uds.exercises.datagram;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import uds.support.testing.Exercise;

@Exercise(id = "08.1", title = "Name the sender exactly", step = "Step 4: what datagrams do that streams do not",
        file = "SenderName.java",
        statement = "`describe(sunPath)` must tell an unbound sender, an abstract name and a path apart; an"
                + " abstract name is every byte after the leading NUL, NULs included, since its length is part of it.",
        hints = {
            "Look at the length first, then at the first byte: 0 means abstract.",
            "A path ends at its first NUL (the kernel counts the terminating one); an abstract name does not end early.",
            "`if (sunPath[0] == 0) return \"@\" + new String(sunPath, 1, sunPath.length - 1, UTF_8).replace(\"\\0\", \"\\\\0\");`"})
class SenderNameTest {

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void anUnboundSenderHasNoName() {
        assertEquals("(unbound)", SenderName.describe(new byte[0]));
    }

    @Test
    void aPathEndsAtItsNul() {
        assertEquals("/run/app.sock", SenderName.describe(bytes("/run/app.sock\0")));
    }

    @Test
    void anAbstractNameIsAllItsBytes() {
        assertEquals("@1a2b3", SenderName.describe(bytes("\0" + "1a2b3")));
        // Padded with NULs it is another name: junixsocket 2.10.1's mistake, which a reply to it pays for.
        assertEquals("@app\\0\\0", SenderName.describe(bytes("\0app\0\0")));
    }
}
