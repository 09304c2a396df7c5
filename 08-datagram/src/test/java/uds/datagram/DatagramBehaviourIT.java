package uds.datagram;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uds.support.ErrnoException;
import uds.support.SocketConstants;
import uds.support.UnixSocket;
import uds.support.testing.Transcript;

/**
 * What datagrams do that streams do not, on real sockets in one process (an IT for its transcripts): boundaries kept, a
 * size limit, a receiver that does not read, connect(), a receiver that goes away. The
 * numbers are measured here and written to the transcript the page shows.
 */
class DatagramBehaviourIT {

    @TempDir
    Path dir;

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static int errno(IOException e) {
        return ((ErrnoException) e).errno();
    }

    // tag::boundaries[]
    @Test
    void eachSendIsOneReceiveWhateverTheSizes() throws IOException {
        try (UnixSocket receiver = UnixSocket.datagram(); UnixSocket sender = UnixSocket.datagram()) {
            receiver.bind(dir.resolve("r.sock"));
            for (String text : new String[] {"one", "", "three"}) {
                sender.send(dir.resolve("r.sock"), bytes(text), null);
            }
            assertArrayEquals(bytes("one"), receiver.receive(0).text());
            assertArrayEquals(new byte[0], receiver.receive(0).text(), "an empty datagram is a datagram");
            assertArrayEquals(bytes("three"), receiver.receive(0).text());
        }
    }
    // end::boundaries[]

    // tag::size[]
    /** The largest datagram one send takes, found by trying: a byte more is refused whole. */
    @Test
    void aDatagramLargerThanTheSendBufferIsRefusedWhole() throws IOException {
        Path path = dir.resolve("r.sock");
        try (UnixSocket receiver = UnixSocket.datagram(); UnixSocket sender = UnixSocket.datagram()) {
            receiver.bind(path);
            int sendBuffer = sender.option(SocketConstants.SO_SNDBUF);
            int fits = 0;
            int refused = 2 * sendBuffer;
            while (refused - fits > 1) {
                int size = (fits + refused) / 2;
                try {
                    sender.send(path, new byte[size], null);
                    receiver.receive(0);
                    fits = size;
                } catch (ErrnoException e) {
                    assertEquals(ErrnoException.EMSGSIZE, e.errno());
                    refused = size;
                }
            }
            assertTrue(fits > 0 && fits < sendBuffer, fits + " of " + sendBuffer);
            int limit = fits;
            assertEquals(ErrnoException.EMSGSIZE, errno(assertThrows(ErrnoException.class,
                    () -> sender.send(path, new byte[limit + 1], null))));
            Transcript transcript = new Transcript();
            transcript.note("SO_SNDBUF is " + sendBuffer + " bytes; the largest datagram one send takes: " + limit
                    + " bytes; one byte more: EMSGSIZE (Message too long)");
            transcript.write("size-limit");
        }
    }
    // end::size[]

    // tag::queue[]
    /** Linux makes a sender wait while the receiver's queue is full; with SO_SNDTIMEO, not for ever. */
    @Test
    void aReceiverThatDoesNotReadStopsItsSenders() throws IOException {
        Path path = dir.resolve("r.sock");
        Duration timeout = Duration.ofMillis(200);
        try (UnixSocket receiver = UnixSocket.datagram(); UnixSocket sender = UnixSocket.datagram()) {
            receiver.bind(path);
            sender.sendTimeout(timeout);
            int sent = 0;
            long waited;
            while (true) {
                long start = System.nanoTime();
                try {
                    sender.send(path, bytes("x"), null);
                    sent++;
                } catch (ErrnoException e) {
                    waited = System.nanoTime() - start;
                    assertEquals(ErrnoException.EAGAIN, e.errno());
                    break;
                }
            }
            assertTrue(sent > 0, "the queue takes some datagrams first");
            assertTrue(waited >= timeout.toNanos() / 2, "the send waited for room: " + waited / 1_000_000 + " ms");
            String queue = Files.readString(Path.of("/proc/sys/net/unix/max_dgram_qlen")).strip();
            Transcript transcript = new Transcript();
            transcript.note("/proc/sys/net/unix/max_dgram_qlen is " + queue + "; the receiver read nothing;"
                    + " the sender queued " + sent + " one-byte datagrams, then waited "
                    + timeout.toMillis() + " ms (SO_SNDTIMEO) and got EAGAIN");
            transcript.write("full-queue");
        }
    }
    // end::queue[]

    // tag::connect[]
    /** A datagram socket connected to a peer takes datagrams from that peer only. */
    @Test
    void connectFixesThePeerBothWays() throws IOException {
        try (UnixSocket server = UnixSocket.datagram(); UnixSocket client = UnixSocket.datagram();
                UnixSocket stranger = UnixSocket.datagram()) {
            server.bind(dir.resolve("server.sock"));
            client.bind(dir.resolve("client.sock"));
            client.connect(dir.resolve("server.sock"));
            client.send(null, bytes("no address needed"), null);
            assertArrayEquals(bytes("no address needed"), server.receive(0).text());
            assertEquals(ErrnoException.EPERM, errno(assertThrows(ErrnoException.class,
                    () -> stranger.send(dir.resolve("client.sock"), bytes("let me in"), null))));
        }
    }
    // end::connect[]

    // tag::restart[]
    /** While the receiver is gone its senders are refused; when it is back, they are heard again. */
    @Test
    void aReceiverThatRestartsIsRefusedThenHeardAgain() throws IOException {
        Path path = dir.resolve("r.sock");
        try (UnixSocket sender = UnixSocket.datagram()) {
            try (UnixSocket first = UnixSocket.datagram()) {
                first.bind(path);
            }
            assertEquals(ErrnoException.ECONNREFUSED, errno(assertThrows(ErrnoException.class,
                    () -> sender.send(path, bytes("anyone?"), null))), "the file is there, nobody has it open");
            Files.delete(path);
            assertEquals(ErrnoException.ENOENT, errno(assertThrows(ErrnoException.class,
                    () -> sender.send(path, bytes("anyone?"), null))), "no file");
            try (UnixSocket second = UnixSocket.datagram()) {
                second.bind(path);
                sender.send(path, bytes("welcome back"), null);
                assertArrayEquals(bytes("welcome back"), second.receive(0).text());
            }
        }
    }
    // end::restart[]
}
