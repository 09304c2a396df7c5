package uds.exercises.socketactivation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

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
            try (SocketChannel client = SocketChannel.open(address); SocketChannel connection = listener.accept()) {
                Thread server = Thread.ofPlatform().start(() -> {
                    try (connection) {
                        InetdEcho.serve(connection);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
                for (String line : new String[] {"one\n", "two\n", "three\n"}) {
                    client.write(ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8)));
                    Thread.sleep(50); // three separate reads on the server's side
                }
                client.shutdownOutput();
                ByteArrayOutputStream echoed = new ByteArrayOutputStream();
                ByteBuffer buffer = ByteBuffer.allocate(100);
                while (client.read(buffer.clear()) > 0) {
                    echoed.write(buffer.array(), 0, buffer.position());
                }
                server.join(5000);
                assertEquals("one\ntwo\nthree\n", echoed.toString(StandardCharsets.UTF_8));
            }
        }
    }
}
