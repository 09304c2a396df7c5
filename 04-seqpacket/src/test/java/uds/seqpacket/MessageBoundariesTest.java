package uds.seqpacket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsclub.net.unix.AFSocketType;
import org.newsclub.net.unix.AFUNIXDatagramSocket;
import org.newsclub.net.unix.AFUNIXSocketAddress;

/** SEQPACKET keeps each message whole and apart; a stream is one long run of bytes. */
class MessageBoundariesTest {

    @TempDir
    Path dir;

    private static AFUNIXDatagramSocket listening(Path socket) throws IOException {
        AFUNIXDatagramSocket server = AFUNIXDatagramSocket.newInstance(AFSocketType.SOCK_SEQPACKET);
        server.bind(AFUNIXSocketAddress.of(socket));
        server.listen(1);
        return server;
    }

    // tag::seqpacket[]
    @Test
    void seqpacketDeliversEachMessageAsSent() throws IOException {
        Path socket = dir.resolve("seq.sock");
        List<Integer> sizes = List.of(1, 700, 3, 4096, 12);
        try (AFUNIXDatagramSocket server = listening(socket);
             AFUNIXDatagramSocket client = AFUNIXDatagramSocket.newInstance(AFSocketType.SOCK_SEQPACKET)) {
            client.connect(AFUNIXSocketAddress.of(socket));
            try (AFUNIXDatagramSocket accepted = (AFUNIXDatagramSocket) server.accept()) {
                for (int size : sizes) { // all sent before anything is read
                    client.getChannel().write(ByteBuffer.allocate(size));
                }
                List<Integer> received = new ArrayList<>();
                ByteBuffer buffer = ByteBuffer.allocate(65536);
                for (int i = 0; i < sizes.size(); i++) {
                    buffer.clear();
                    received.add(accepted.getChannel().read(buffer));
                }
                assertEquals(sizes, received);
            }
        } finally {
            Files.deleteIfExists(socket);
        }
    }

    @Test
    void aStreamMergesTwoWrites() throws IOException {
        Path socket = dir.resolve("stream.sock");
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(socket));
            try (SocketChannel client = SocketChannel.open(UnixDomainSocketAddress.of(socket));
                 SocketChannel accepted = server.accept()) {
                client.write(ByteBuffer.wrap("SET a 1".getBytes()));
                client.write(ByteBuffer.wrap("SET b 2".getBytes()));

                ByteBuffer buffer = ByteBuffer.allocate(65536);
                accepted.read(buffer);
                assertEquals("SET a 1SET b 2", new String(buffer.array(), 0, buffer.position()));
            }
        }
    }
    // end::seqpacket[]

    @Test
    void theJdkHasNoUnixDatagramChannel() {
        assertThrows(UnsupportedOperationException.class,
                () -> java.nio.channels.DatagramChannel.open(StandardProtocolFamily.UNIX));
    }

    // tag::truncation[]
    @Test
    void aLongerMessageIsCutToTheBufferWithoutAWord() throws IOException {
        Path socket = dir.resolve("cut.sock");
        try (AFUNIXDatagramSocket server = listening(socket);
             AFUNIXDatagramSocket client = AFUNIXDatagramSocket.newInstance(AFSocketType.SOCK_SEQPACKET)) {
            client.connect(AFUNIXSocketAddress.of(socket));
            try (AFUNIXDatagramSocket accepted = (AFUNIXDatagramSocket) server.accept()) {
                client.getChannel().write(ByteBuffer.allocate(5000));
                client.getChannel().write(ByteBuffer.allocate(7));
                ByteBuffer small = ByteBuffer.allocate(100);
                assertEquals(100, accepted.getChannel().read(small), "no exception, no flag");
                assertEquals(7, accepted.getChannel().read(small.clear()), "the rest of the 5000 is gone");
            }
        } finally {
            Files.deleteIfExists(socket);
        }
    }
    // end::truncation[]
}
