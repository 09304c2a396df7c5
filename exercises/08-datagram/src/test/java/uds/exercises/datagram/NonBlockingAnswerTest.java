package uds.exercises.datagram;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uds.support.SocketConstants.AF_UNIX;
import static uds.support.SocketConstants.SOCK_DGRAM;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import uds.support.ErrnoException;
import uds.support.Libc;
import uds.support.SockaddrUn;
import uds.support.SocketCalls;
import uds.support.SocketOption;
import uds.support.UnixSocket;
import uds.support.testing.Exercise;

@Exercise(id = "08.2", title = "An answer that never waits", step = "Step 2: a log service that knows who sent each line",
        file = "NonBlockingAnswer.java",
        statement = "`offer` must send one datagram without ever waiting: when the receiver's queue is full, it"
                + " returns false at once, so that a sender that never reads cannot stop the service.",
        hints = {
            "Linux makes a datagram sender wait while the receiver's queue is full; sendmsg has a flag that says don't.",
            "With MSG_DONTWAIT (SocketConstants), a full queue makes sendmsg fail with EAGAIN instead of waiting.",
            "`try { SocketMessages.send(fd, address, text, List.of(), MSG_DONTWAIT); return true; }`"
                    + " `catch (ErrnoException e) { if (e.errno() != ErrnoException.EAGAIN) throw e; return false; }`"})
class NonBlockingAnswerTest {

    private static final Duration WAIT = Duration.ofSeconds(2);

    @TempDir
    Path dir;

    /** A receiver that reads nothing: the queue fills, and then offer says so instead of hanging. */
    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void aReceiverThatNeverReadsIsToldNoNotWaitedFor() throws IOException {
        Path path = dir.resolve("deaf.sock");
        int fd = (int) Libc.call("socket", SocketCalls.SOCKET, AF_UNIX, SOCK_DGRAM, 0);
        // A wait in sendmsg cannot be interrupted, and would keep this JVM from ever ending:
        // SO_SNDTIMEO ends it after WAIT (EAGAIN), and the test says what happened.
        SocketOption.sendTimeout(fd, WAIT);
        try (UnixSocket deaf = UnixSocket.datagram(); Arena arena = Arena.ofConfined()) {
            deaf.bind(path);
            MemorySegment address = SockaddrUn.ofPath(arena, path);
            byte[] text = "OK".getBytes(StandardCharsets.UTF_8);
            int sent = 0;
            while (true) {
                long start = System.nanoTime();
                boolean offered;
                try {
                    offered = NonBlockingAnswer.offer(fd, address, text);
                } catch (ErrnoException e) {
                    assertNotEquals(ErrnoException.EAGAIN, e.errno(), "offer waited for room until the"
                            + " test's send timeout (" + WAIT.toSeconds() + " s) gave up: it must not wait at all");
                    throw e;
                }
                assertTrue(System.nanoTime() - start < WAIT.toNanos() / 2, "offer waited for room before it"
                        + " returned " + offered + ": it must not wait at all");
                if (!offered) {
                    break;
                }
                sent++;
                assertTrue(sent < 1_000_000, "the queue never filled");
            }
            assertTrue(sent > 0, "the first datagrams find room");
            assertArrayEquals(text, deaf.receive(0).text());
        } finally {
            Libc.closeQuietly(fd);
        }
    }
}
