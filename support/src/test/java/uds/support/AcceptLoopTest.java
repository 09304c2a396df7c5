package uds.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The loop on real sockets (the JDK's own AF_UNIX channels): the cap, the refusal, the log. */
class AcceptLoopTest {

    @TempDir
    Path dir;

    @Test
    void overTheCapAConnectionIsToldWhyAndClosedAndTheLogSaysSoOncePerBurst() throws Exception {
        UnixDomainSocketAddress address = UnixDomainSocketAddress.of(dir.resolve("s"));
        List<String> log = new CopyOnWriteArrayList<>();
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean closing = new AtomicBoolean();
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX).bind(address)) {
            AcceptLoop<SocketChannel> loop = new AcceptLoop<>(server::accept, 2, Thread.ofVirtual(), closing::get, log::add)
                    .refuseWith(connection -> connection.write(ByteBuffer.wrap("busy\n".getBytes())));
            Thread serving = helloUntil(release, loop);
            List<SocketChannel> held = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                held.add(SocketChannel.open(address));
                assertTrue(readAll(held.getLast(), 6).startsWith("hello"));
            }
            for (int i = 0; i < 5; i++) {
                try (SocketChannel extra = SocketChannel.open(address)) {
                    assertEquals("busy\n", readAll(extra, 100), "the sixth byte would be EOF: refused and closed");
                }
            }
            assertEquals(1, log.stream().filter(line -> line.startsWith("refusing connections: all 2 in use")).count(), log.toString());
            assertTrue(log.stream().noneMatch(line -> line.contains("more refusals")), "the count comes after the window");

            release.countDown();
            for (SocketChannel channel : held) {
                channel.close();
            }
            // The slots come back as the handlers end, which a loaded machine may run late.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (loop.open() > 0 && System.nanoTime() < deadline) {
                Thread.yield();
            }
            assertEquals(0, loop.open(), "every handler has ended");
            try (SocketChannel next = SocketChannel.open(address)) {
                String answer = readAll(next, 6);
                assertTrue(answer.startsWith("hello"), answer);
            }

            closing.set(true);
            server.close();
            serving.join(5000);
            assertTrue(!serving.isAlive(), "the loop returns once the server is closing");
        }
    }

    /**
     * Connections come in as uids A, A, A, B, B (the test says who each one is: one process
     * cannot connect as two users). With a share of 2 per user out of 4 slots, A's third
     * is refused at once, though a slot is free, and B is still served.
     */
    @Test
    void aUserOverTheirShareIsRefusedAtOnceAndAnotherUserIsServed() throws Exception {
        UnixDomainSocketAddress address = UnixDomainSocketAddress.of(dir.resolve("share"));
        List<String> log = new CopyOnWriteArrayList<>();
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean closing = new AtomicBoolean();
        Queue<Long> uids = new ConcurrentLinkedQueue<>(List.of(4_000_001L, 4_000_001L, 4_000_001L, 4_000_002L, 4_000_002L));
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX).bind(address)) {
            AcceptLoop<SocketChannel> loop = new AcceptLoop<>(server::accept, 4, Thread.ofPlatform(), closing::get, log::add)
                    .perUser(2, connection -> uids.remove())
                    .refuseWith(connection -> connection.write(ByteBuffer.wrap("busy\n".getBytes())));
            Thread serving = helloUntil(release, loop);
            List<SocketChannel> held = new ArrayList<>();
            List<String> answers = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                held.add(SocketChannel.open(address));
                answers.add(readAll(held.getLast(), 5));
            }
            assertEquals(List.of("hello", "hello", "busy\n", "hello", "hello"), answers);
            assertEquals(List.of("refusing uid 4000001: it holds all 2 of its connections (--max-per-user)"),
                    log.stream().filter(line -> line.startsWith("refusing")).toList());
            assertEquals(4, loop.open(), "the refused one never took a slot");

            release.countDown();
            for (SocketChannel channel : held) {
                channel.close();
            }
            closing.set(true);
            server.close();
            serving.join(TimeUnit.SECONDS.toMillis(30));
            assertTrue(!serving.isAlive(), "the loop returned");
        }
    }

    @Test
    void aStopClosesTheConnectionsStillServedAndReturnsOnlyOnceTheirHandlersHaveEnded() throws Exception {
        UnixDomainSocketAddress address = UnixDomainSocketAddress.of(dir.resolve("stop"));
        List<String> log = new CopyOnWriteArrayList<>();
        AtomicBoolean closing = new AtomicBoolean();
        CountDownLatch reading = new CountDownLatch(1);
        AtomicBoolean handlerEnded = new AtomicBoolean();
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX).bind(address);
             SocketChannel client = SocketChannel.open(address)) {
            AcceptLoop<SocketChannel> loop = new AcceptLoop<>(server::accept, 4, Thread.ofPlatform(), closing::get, log::add);
            Thread serving = Thread.ofPlatform().start(() -> {
                try {
                    loop.run((connection, id) -> {
                        try {
                            reading.countDown();
                            connection.read(ByteBuffer.allocate(1)); // the client never writes
                        } finally {
                            handlerEnded.set(true);
                        }
                    });
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            reading.await();
            closing.set(true);
            server.close();
            serving.join(TimeUnit.SECONDS.toMillis(30));
            assertTrue(!serving.isAlive(), "the loop returned");
            assertTrue(handlerEnded.get(), "before it returned, the handler had ended");
            assertEquals(0, loop.open());
            assertEquals(List.of(), log, "a stop is no failure to log");
        }
    }

    /** Runs the loop on a thread of its own: each connection is greeted, then held until release. */
    private static Thread helloUntil(CountDownLatch release, AcceptLoop<SocketChannel> loop) {
        return Thread.ofPlatform().start(() -> {
            try {
                loop.run((connection, id) -> {
                    connection.write(ByteBuffer.wrap(("hello " + id + "\n").getBytes()));
                    release.await();
                });
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    /** Reads until EOF or max bytes. */
    private static String readAll(SocketChannel channel, int max) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(max);
        while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
            // keep reading
        }
        return new String(buffer.array(), 0, buffer.position(), StandardCharsets.US_ASCII);
    }
}
