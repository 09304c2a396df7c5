package uds.exercises.abstractnamespace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.newsclub.net.unix.AFUNIXServerSocket;
import org.newsclub.net.unix.AFUNIXSocket;
import org.newsclub.net.unix.AFUNIXSocketAddress;

import uds.support.testing.Exercise;

@Exercise(id = "02.3", title = "Bound what a peer can make the server hold", step = "What an attacker can try",
        file = "BoundedEcho.java",
        statement = "`serve(connection, maxLine)` must echo each line, and answer a line longer than `maxLine` bytes"
                + " with `error: line too long` and close, without waiting for a newline that may never come.",
        hints = {
            "`BufferedReader.readLine` cannot be told to stop: read bytes yourself, `in.read(buffer)`, and look for"
                    + " `'\\n'`.",
            "Keep the bytes of the current line in a `ByteArrayOutputStream`; once it holds `maxLine` bytes and the"
                    + " next byte is not `'\\n'`, the line is too long.",
            "Write the error line, then return: the caller closes the connection."})
class BoundedEchoTest {

    private AFUNIXServerSocket server;
    private AFUNIXSocketAddress address;

    @BeforeEach
    void startServer() throws IOException {
        address = AFUNIXSocketAddress.inAbstractNamespace("uds-exercise-echo-" + ProcessHandle.current().pid());
        server = AFUNIXServerSocket.newInstance();
        server.bind(address);
        Thread.ofPlatform().daemon().start(() -> {
            try (Socket connection = server.accept()) {
                BoundedEcho.serve(connection, 1024);
            } catch (IOException e) {
                // the test reads what it got
            }
        });
    }

    @AfterEach
    void stopServer() throws IOException {
        server.close();
    }

    @Test
    void linesComeBack() throws IOException {
        try (AFUNIXSocket client = AFUNIXSocket.connectTo(address)) {
            client.setSoTimeout(5000);
            client.getOutputStream().write("hello\ngrüße\n".getBytes(StandardCharsets.UTF_8));
            byte[] expected = "hello\ngrüße\n".getBytes(StandardCharsets.UTF_8);
            assertEquals("hello\ngrüße\n", new String(client.getInputStream().readNBytes(expected.length), StandardCharsets.UTF_8));
        }
    }

    @Test
    void aLineWithNoEndIsRefusedAtTheLimit() throws IOException {
        try (AFUNIXSocket client = AFUNIXSocket.connectTo(address)) {
            client.setSoTimeout(5000); // the starter would wait for a newline forever
            OutputStream out = client.getOutputStream();
            Thread.ofPlatform().daemon().start(() -> {
                try {
                    out.write("x".repeat(100_000).getBytes(StandardCharsets.US_ASCII)); // no newline, ever
                } catch (IOException e) {
                    // the server hung up before taking it all: as it should
                }
            });
            InputStream in = client.getInputStream();
            String reply = "error: line too long\n";
            assertEquals(reply, new String(in.readNBytes(reply.length()), StandardCharsets.US_ASCII));
        }
    }
}
