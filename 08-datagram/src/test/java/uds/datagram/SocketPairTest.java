package uds.datagram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.newsclub.net.unix.AFUNIXDatagramChannel;
import org.newsclub.net.unix.AFUNIXSocketChannel;
import org.newsclub.net.unix.AFUNIXSocketPair;

/**
 * junixsocket's view of socketpair, in one process: two connected channels with no name,
 * here between two threads. And the JDK's refusal: it has neither Unix datagrams nor socketpair.
 */
class SocketPairTest {

    private static ByteBuffer bytes(String text) {
        return ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String text(ByteBuffer buffer) {
        return StandardCharsets.UTF_8.decode(buffer.flip()).toString();
    }

    // tag::threads[]
    @Test
    void aStreamPairConnectsTwoThreads() throws Exception {
        AFUNIXSocketPair<AFUNIXSocketChannel> pair = AFUNIXSocketPair.open();
        try (AFUNIXSocketChannel one = pair.getSocket1();
                AFUNIXSocketChannel other = pair.getSocket2()) {
            CompletableFuture<String> upperCase = CompletableFuture.supplyAsync(() -> {
                try {
                    ByteBuffer question = ByteBuffer.allocate(64);
                    other.read(question);
                    String answer = text(question).toUpperCase(Locale.ROOT);
                    other.write(bytes(answer));
                    return answer;
                } catch (IOException e) {
                    throw new RuntimeException(e);
                }
            });
            one.write(bytes("who is there?"));
            ByteBuffer answer = ByteBuffer.allocate(64);
            one.read(answer);
            assertEquals("WHO IS THERE?", text(answer));
            assertEquals("WHO IS THERE?", upperCase.get(30, TimeUnit.SECONDS));
        }
    }
    // end::threads[]

    // tag::datagram-pair[]
    @Test
    void aDatagramPairKeepsEachSendWhole() throws Exception {
        AFUNIXSocketPair<AFUNIXDatagramChannel> pair = AFUNIXSocketPair.openDatagram();
        try (AFUNIXDatagramChannel one = pair.getSocket1();
                AFUNIXDatagramChannel other = pair.getSocket2()) {
            one.write(bytes("first"));
            one.write(bytes("second"));
            ByteBuffer received = ByteBuffer.allocate(64);
            other.read(received);
            assertEquals("first", text(received), "one datagram per read, never two together");
            other.read(received.clear());
            assertEquals("second", text(received));
        }
    }
    // end::datagram-pair[]

    // tag::jdk-refuses[]
    /** JEP 380 gave the JDK Unix stream channels only: no datagram channel, no socketpair. */
    @Test
    void theJdkHasNoUnixDatagramChannel() {
        assertThrows(UnsupportedOperationException.class,
                () -> DatagramChannel.open(StandardProtocolFamily.UNIX));
    }
    // end::jdk-refuses[]
}
