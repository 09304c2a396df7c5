package uds.exercises.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsclub.net.unix.AFUNIXSocket;

import uds.support.testing.Exercise;

@Exercise(id = "09.2", title = "Decode a chunked answer", step = "Step 4: the clients",
        file = "Chunked.java",
        statement = "`decode` must return a chunked body's bytes, and read nothing after its last chunk:"
                + " on a connection kept open, what follows is the next answer.",
        hints = {
            "Each chunk is a line with its size in hex (maybe followed by ;extensions), the bytes, then CRLF.",
            "Loop: read the size line, stop at 0, else read exactly that many bytes and the CRLF after them.",
            "`for (int size; (size = Integer.parseInt(line(in).split(\";\")[0].trim(), 16)) > 0; )"
                    + " { body.write(in.readNBytes(size)); line(in); } line(in);`"})
class ChunkedTest {

    @TempDir
    Path dir;

    @Test
    void theSizesAreNotPartOfTheBodyAndNothingAfterItIsRead() throws Exception {
        InputStream in = new ByteArrayInputStream(
                "5\r\nhello\r\n7;ext=1\r\n, world\r\n0\r\n\r\nNEXT".getBytes(StandardCharsets.US_ASCII));
        assertEquals("hello, world", new String(Chunked.decode(in), StandardCharsets.US_ASCII));
        assertEquals("NEXT", new String(in.readAllBytes(), StandardCharsets.US_ASCII), "read past the last chunk");
    }

    @Test
    void jettysStreamedAnswerDecodes() throws Exception {
        try (JettyOnUnixSocket jetty = new JettyOnUnixSocket(dir.resolve("http.sock"));
                AFUNIXSocket connection = jetty.connect()) {
            OutputStream out = connection.getOutputStream();
            // No Connection: close, no length: HTTP/1.1 sends the flushed parts as chunks.
            out.write("GET /stream HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            InputStream in = connection.getInputStream();
            StringBuilder head = new StringBuilder();
            while (!head.toString().endsWith("\r\n\r\n")) {
                head.append((char) in.read());
            }
            assertTrue(head.toString().contains("Transfer-Encoding: chunked"), head.toString());
            assertEquals("one\ntwo\nthree\n", new String(Chunked.decode(in), StandardCharsets.UTF_8));
        }
    }
}
