package uds.support;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.newsclub.net.unix.AFUNIXServerSocket;
import org.newsclub.net.unix.AFUNIXSocket;
import org.newsclub.net.unix.AFUNIXSocketAddress;

class LineReaderTest {

    @Test
    void splitsLinesWhereverTheReadsEnd() throws IOException {
        // A stream that hands out one byte per read: every line crosses a read boundary.
        InputStream trickle = new ByteArrayInputStream("one\n\ntwo\nlast".getBytes(StandardCharsets.UTF_8)) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 1));
            }
        };
        LineReader lines = new LineReader(trickle, 16);
        assertArrayEquals("one".getBytes(), lines.readLine());
        assertArrayEquals(new byte[0], lines.readLine());
        assertArrayEquals("two".getBytes(), lines.readLine());
        assertArrayEquals("last".getBytes(), lines.readLine(), "a last line with no newline still counts");
        assertNull(lines.readLine());
    }

    /**
     * A peer that sends a long line one byte per write makes one read per byte. Copying the line
     * so far on every read would cost the square of its length (2 GiB allocated for one 64 KiB
     * line); growing by doubling costs about twice the line.
     */
    @Test
    void aLineThatTricklesInCostsAboutItsOwnSize() throws IOException {
        int size = 64 * 1024;
        InputStream trickle = new ByteArrayInputStream(("x".repeat(size) + "\n").getBytes(StandardCharsets.US_ASCII)) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 1));
            }
        };
        var threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        byte[] line = new LineReader(trickle, size).readLine();
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertArrayEquals("x".repeat(size).getBytes(StandardCharsets.US_ASCII), line);
        assertTrue(allocated < 16L * size, "allocated " + allocated + " bytes for a line of " + size);
    }

    @Test
    void aLineOfExactlyTheCapIsALineOneMoreIsNot() throws IOException {
        LineReader lines = new LineReader(new ByteArrayInputStream(("x".repeat(10) + "\n" + "y".repeat(11) + "\n").getBytes()), 10);
        assertArrayEquals("x".repeat(10).getBytes(), lines.readLine());
        assertThrows(LineReader.LineTooLong.class, lines::readLine);
    }

    @Test
    void aGiantLineWithNoNewlineCostsNoMoreThanTheCap() {
        // 200 MB that never ends a line, as a hostile peer sends: reading stops near the cap.
        long giant = 200L * 1024 * 1024;
        long[] handedOut = {0};
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                return handedOut[0]++ < giant ? 'x' : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                int n = (int) Math.min(len, giant - handedOut[0]);
                if (n <= 0) {
                    return -1;
                }
                java.util.Arrays.fill(b, off, off + n, (byte) 'x');
                handedOut[0] += n;
                return n;
            }
        };
        LineReader lines = new LineReader(endless, 64 * 1024);
        assertThrows(LineReader.LineTooLong.class, lines::readLine);
        assertTrue(handedOut[0] <= 64 * 1024 + 8192, "read " + handedOut[0] + " bytes before refusing");
    }

    /**
     * A byte every 50 ms never trips a 1 s read timeout: each read gets its byte in time. The
     * deadline is the line's, counted from the last complete line, so the trickle ends.
     */
    @Test
    void aLineTrickledInSlowerThanItsDeadlineIsCutOffThoughEveryReadIsQuick() throws Exception {
        Path path = Files.createTempDirectory("linereader").resolve("s");
        try (AFUNIXServerSocket server = AFUNIXServerSocket.bindOn(AFUNIXSocketAddress.of(path));
             AFUNIXSocket client = AFUNIXSocket.connectTo(AFUNIXSocketAddress.of(path));
             Socket connection = server.accept()) {
            client.getOutputStream().write("first\n".getBytes(StandardCharsets.US_ASCII));
            Thread trickle = Thread.ofPlatform().daemon().start(() -> {
                try {
                    while (true) {
                        client.getOutputStream().write('x');
                        Thread.sleep(50);
                    }
                } catch (IOException | InterruptedException e) {
                    // the reader gave up and the socket closed
                }
            });
            LineReader lines = new LineReader(connection.getInputStream(), 1 << 20, Duration.ofSeconds(1),
                    connection::setSoTimeout);
            assertArrayEquals("first".getBytes(), lines.readLine());
            long start = System.nanoTime();
            LineReader.TooSlow slow = assertThrows(LineReader.TooSlow.class, lines::readLine);
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertTrue(millis >= 900 && millis < 20_000, "cut off after about 1 s: " + millis + " ms");
            assertEquals("no complete line within 1 s", slow.getMessage());
            trickle.interrupt();
        } finally {
            Files.deleteIfExists(path);
            Files.deleteIfExists(path.getParent());
        }
    }

    @Test
    void silenceIsAPlainTimeoutNotATrickle() throws Exception {
        Path path = Files.createTempDirectory("linereader").resolve("s");
        try (AFUNIXServerSocket server = AFUNIXServerSocket.bindOn(AFUNIXSocketAddress.of(path));
             AFUNIXSocket client = AFUNIXSocket.connectTo(AFUNIXSocketAddress.of(path));
             Socket connection = server.accept()) {
            LineReader lines = new LineReader(connection.getInputStream(), 64, Duration.ofMillis(300),
                    connection::setSoTimeout);
            SocketTimeoutException silent = assertThrows(SocketTimeoutException.class, lines::readLine);
            assertFalse(silent instanceof LineReader.TooSlow, "nothing came: idle, not slow");
        } finally {
            Files.deleteIfExists(path);
            Files.deleteIfExists(path.getParent());
        }
    }
}
