package uds.abstractnamespace;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.newsclub.net.unix.AFUNIXServerSocket;
import org.newsclub.net.unix.AFUNIXSocket;
import org.newsclub.net.unix.AFUNIXSocketAddress;

class AbstractNameTest {

    @Test
    void theAddressIsANulThenTheNameInUtf8() {
        byte[] expected = {0, 'g', 'r', (byte) 0xc3, (byte) 0xbc, (byte) 0xc3, (byte) 0x9f, 'e', '-',
            (byte) 0xe2, (byte) 0x98, (byte) 0x83};
        assertArrayEquals(expected, new AbstractName("grüße-☃").addressBytes());
    }

    @Test
    void isShownWithAnAtInPlaceOfTheNul() {
        assertEquals("@grüße-☃", new AbstractName("grüße-☃").toString());
    }

    @Test
    void holdsAtMost107Bytes() {
        assertEquals(108, new AbstractName("é".repeat(53) + "x").addressBytes().length);
        var e = assertThrows(IllegalArgumentException.class, () -> new AbstractName("é".repeat(54)));
        assertEquals("the name is 108 bytes in UTF-8; an abstract name holds at most 107"
                + " (sun_path's 108 less the leading NUL)", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new AbstractName(""));
    }

    // tag::charset[]
    @Test
    void theSameNameInAnotherCharsetIsAnotherName() throws IOException {
        AbstractName name = new AbstractName("grüße-" + ProcessHandle.current().pid());
        byte[] latin1 = ("\0" + name.name()).getBytes(StandardCharsets.ISO_8859_1);
        try (AFUNIXServerSocket server = AFUNIXServerSocket.newInstance();
             AFUNIXSocket client = AFUNIXSocket.newInstance()) {
            server.bind(name.address()); // UTF-8
            // Refused: nobody holds the Latin-1 bytes (the kernel's table lists only the UTF-8 name).
            assertThrows(SocketException.class, () -> client.connect(AFUNIXSocketAddress.of(latin1)));
            assertEquals(1, ProcNetUnix.linesFor(name).size());
        }
    }
    // end::charset[]
}
