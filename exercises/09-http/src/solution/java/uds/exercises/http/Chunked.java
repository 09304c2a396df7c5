package uds.exercises.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/** Exercise 09.2, solved: a size line, that many bytes, CRLF; until the chunk of size 0. */
final class Chunked {

    static byte[] decode(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (int size; (size = Integer.parseInt(line(in).split(";")[0].trim(), 16)) > 0; ) {
            body.write(in.readNBytes(size));
            line(in); // the CRLF after the chunk's bytes
        }
        line(in); // the empty line that ends the (empty) trailer
        return body.toByteArray();
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int b; (b = in.read()) != '\n'; ) {
            if (b < 0) {
                throw new IOException("the body ended in the middle of a chunk");
            }
            if (b != '\r') {
                line.append((char) b);
            }
        }
        return line.toString();
    }

    private Chunked() {
    }
}
