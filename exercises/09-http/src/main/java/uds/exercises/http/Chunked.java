package uds.exercises.http;

import java.io.IOException;
import java.io.InputStream;

/**
 * Exercise 09.2: a chunked body, as a streamed answer comes (Transfer-Encoding: chunked).
 * (Walkthrough 09, step 4. Checked by ChunkedTest.)
 */
final class Chunked {

    /**
     * The body's bytes, read from in, which is positioned just after the answer's headers:
     * chunks, each a size in hex on a line of its own, the bytes and CRLF, until a chunk of
     * size 0. Nothing after that last chunk is read.
     */
    static byte[] decode(InputStream in) throws IOException {
        // TODO: the sizes and the line ends are not part of the body
        return in.readAllBytes();
    }

    private Chunked() {
    }
}
