package uds.exercises.datagram;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uds.support.SocketConstants.AF_UNIX;
import static uds.support.SocketConstants.SOCK_DGRAM;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import uds.support.Libc;
import uds.support.SockaddrUn;
import uds.support.SocketCalls;
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

    @TempDir
    Path dir;

    /** A receiver that reads nothing: the queue fills, and then offer says so instead of hanging. */
    @Test
    @Timeout(value = 5, unit = TimeUnit.SECONDS)
    void aReceiverThatNeverReadsIsToldNoNotWaitedFor() throws IOException {
        Path path = dir.resolve("deaf.sock");
        int fd = (int) Libc.call("socket", SocketCalls.SOCKET, AF_UNIX, SOCK_DGRAM, 0);
        try (UnixSocket deaf = UnixSocket.datagram(); Arena arena = Arena.ofConfined()) {
            deaf.bind(path);
            MemorySegment address = SockaddrUn.ofPath(arena, path);
            byte[] text = "OK".getBytes(StandardCharsets.UTF_8);
            int sent = 0;
            while (NonBlockingAnswer.offer(fd, address, text)) {
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
