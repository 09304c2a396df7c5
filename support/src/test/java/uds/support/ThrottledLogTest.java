package uds.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class ThrottledLogTest {

    @Test
    void aFloodOfRefusalsIsOneLineAndACountAndDoesNotHideAnotherPeer() {
        List<String> log = new CopyOnWriteArrayList<>();
        AtomicLong now = new AtomicLong();
        ThrottledLog refusals = new ThrottledLog(log::add, "refusals", 1, Duration.ofSeconds(5), now::get);
        for (int i = 0; i < 10_000; i++) {
            int n = i;
            refusals.log("from uid 65534 (nobody)", () -> "refused attempt " + n);
        }
        refusals.log("from uid 33 (www-data)", () -> "refused www-data");
        assertEquals(List.of("refused attempt 0", "refused www-data"), log);

        now.addAndGet(TimeUnit.SECONDS.toNanos(4));
        refusals.tick();
        assertEquals(2, log.size(), "the window is not over yet");
        now.addAndGet(TimeUnit.SECONDS.toNanos(2));
        refusals.tick(); // the log's own thread does this every window
        assertEquals("9999 more refusals from uid 65534 (nobody) in the last 6 s", log.get(2));
        assertEquals(3, log.size(), "www-data had no more: no count line for it");

        refusals.log("from uid 65534 (nobody)", () -> "refused again");
        assertEquals("refused again", log.getLast(), "a new window starts with a full line");
    }

    @Test
    void aSenderGetsItsShareOfLinesPerWindowAndTheRestAreCountedAtTheStop() {
        List<String> log = new CopyOnWriteArrayList<>();
        ThrottledLog messages = new ThrottledLog(log::add, "messages", 3, Duration.ofHours(1), () -> 0);
        for (int i = 0; i < 5; i++) {
            int n = i;
            messages.log("from uid 0 (root)", () -> "message " + n);
        }
        messages.flush();
        assertEquals(List.of("message 0", "message 1", "message 2", "2 more messages from uid 0 (root) in the last 1 s"), log);
    }
}
