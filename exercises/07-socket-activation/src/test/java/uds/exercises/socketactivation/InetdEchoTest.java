package uds.exercises.socketactivation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uds.support.testing.Exercise;

@Exercise(id = "07.3", title = "Serve the whole connection", step = "Step 4: inetd style, descriptor 0",
        file = "InetdEcho.java",
        statement = "`serve` must echo everything the client sends until it closes: started once per connection,"
                + " the server's whole job is that one connection.",
        hints = {
            "A stream delivers the client's lines in as many reads as it likes; a read of -1 is the end.",
            "Loop: `while (connection.read(buffer.clear()) > 0) { buffer.flip(); write it all }`."})
class InetdEchoTest {

    @TempDir
    Path dir;

    @Test
    void everythingTheClientSentComesBack() throws Exception {
        UnixDomainSocketAddress address = UnixDomainSocketAddress.of(dir.resolve("inetd.sock"));
        try (ServerSocketChannel listener = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            listener.bind(address);
            // Threads of its own: the common pool may have a single thread on a small machine.
            try (SocketChannel client = SocketChannel.open(address); SocketChannel connection = listener.accept();
                 ExecutorService threads = Executors.newCachedThreadPool()) {
                CompletableFuture<Void> server = CompletableFuture.runAsync(() -> {
                    try (connection) {
                        InetdEcho.serve(connection);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }, threads);
                // Each line's echo before the next line: the server cannot have read them all at once.
                for (String line : new String[] {"one\n", "two\n", "three\n"}) {
                    client.write(ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8)));
                    assertEquals(line, CompletableFuture.supplyAsync(() -> read(client, line.length()), threads)
                            .get(10, TimeUnit.SECONDS), "the echo of " + line.strip());
                }
                client.shutdownOutput();
                server.get(10, TimeUnit.SECONDS); // returns once the client has closed its side
                assertEquals(-1, client.read(ByteBuffer.allocate(1)), "the server closed the connection after");
            }
        }
    }

    /** Exactly length bytes, or fewer if the server closed the connection first. */
    private static String read(SocketChannel client, int length) {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        try {
            while (buffer.hasRemaining() && client.read(buffer) >= 0) {
                // until the whole line or the end
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8);
    }
}
