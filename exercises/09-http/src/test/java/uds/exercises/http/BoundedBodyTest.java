package uds.exercises.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Arrays;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import uds.support.testing.Exercise;

@Exercise(id = "09.3", title = "Refuse a body unread", step = "What an attacker can try",
        file = "BoundedBody.java",
        statement = "`read` must refuse a body declared too long without reading any of it, and read at"
                + " most max + 1 bytes of one with no length: a caller may send a gigabyte.",
        hints = {
            "The declared length can refuse at once; it cannot be trusted to say how much will come.",
            "`in.readNBytes(max + 1)` reads one byte more than allowed, and never more: enough to know.",
            "`if (declaredLength > max) return null; byte[] body = in.readNBytes(max + 1);`"
                    + " `return body.length > max ? null : body;`"})
class BoundedBodyTest {

    /** A body of 16 MiB of 'x' (as good as endless here), counting what was read from it. */
    private static final class Endless extends InputStream {
        static final long SIZE = 16 << 20;
        long read;

        @Override
        public int read() {
            if (read == SIZE) {
                return -1;
            }
            read++;
            return 'x';
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            int n = (int) Math.min(length, SIZE - read);
            if (n <= 0) {
                return -1;
            }
            Arrays.fill(buffer, offset, offset + n, (byte) 'x');
            read += n;
            return n;
        }
    }

    @Test
    void aBodyDeclaredTooLongIsNotRead() throws Exception {
        Endless body = new Endless();
        assertNull(BoundedBody.read(100_000_000, body, 4096));
        assertEquals(0, body.read, "bytes read of a body refused by its length");
    }

    @Test
    void aBodyWithNoLengthIsReadOnlyJustPastTheLimit() throws Exception {
        Endless body = new Endless();
        assertNull(BoundedBody.read(-1, body, 4096));
        assertTrue(body.read <= 4097, body.read + " bytes read to refuse a body of no length");
    }

    @Test
    void aSmallBodyIsReadWhole() throws Exception {
        InputStream body = new ByteArrayInputStream("hello".getBytes(StandardCharsets.UTF_8));
        assertArrayEquals("hello".getBytes(StandardCharsets.UTF_8), BoundedBody.read(5, body, 4096));
    }
}
