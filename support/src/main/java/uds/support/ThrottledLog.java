package uds.support;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Log lines that a peer cannot multiply. A refused peer can try again at once, a sender can
 * send as fast as it likes: a line for each would let it fill the disk and bury everything
 * else in the log. Here the first lines of a burst are logged in full, the rest of the burst
 * (one window) as a count: "1234 more refusals from uid 65534 (nobody) in the last 5 s". Each
 * peer (a uid, a cause) has its own burst, so one peer's flood does not hide another's lines.
 */
public final class ThrottledLog {

    /** How long a burst lasts: at most one full line and one count line per peer per window. */
    public static final Duration WINDOW = Duration.ofSeconds(5);

    private static final class Burst {
        final long start;
        int logged;
        int more;

        Burst(long start) {
            this.start = start;
        }
    }

    private final Consumer<String> log;
    private final String what;
    private final int linesPerWindow;
    private final long window;
    private final LongSupplier clock;
    private final Map<String, Burst> bursts = new HashMap<>();

    /**
     * @param what            what the count line counts: "refusals", "messages"
     * @param linesPerWindow  lines logged in full per peer and window
     */
    public ThrottledLog(Consumer<String> log, String what, int linesPerWindow) {
        this(log, what, linesPerWindow, WINDOW, System::nanoTime);
    }

    /** With a clock of the test's own, in nanoseconds. */
    ThrottledLog(Consumer<String> log, String what, int linesPerWindow, Duration window, LongSupplier clock) {
        this.clock = clock;
        this.log = log;
        this.what = what;
        this.linesPerWindow = linesPerWindow;
        this.window = window.toNanos();
        // A burst's count is logged within a window of its end, even when that peer goes quiet:
        // a virtual thread that sleeps costs next to nothing.
        Thread.ofVirtual().name("throttled-log").start(() -> {
            try {
                while (true) {
                    Thread.sleep(window);
                    tick();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    /**
     * One line to log; who names the peer, or the cause, as the count line will ("from uid
     * 65534 (nobody)", "while full"); line is asked for only when it is logged.
     */
    public synchronized void log(String who, Supplier<String> line) {
        tick();
        Burst burst = bursts.computeIfAbsent(who, w -> new Burst(clock.getAsLong()));
        if (burst.logged == linesPerWindow) {
            burst.more++;
            return;
        }
        burst.logged++;
        log.accept(line.get());
    }

    /** Ends the bursts whose window is over, logging what they counted. */
    public synchronized void tick() {
        long now = clock.getAsLong();
        bursts.entrySet().removeIf(entry -> {
            if (now - entry.getValue().start < window) {
                return false;
            }
            count(entry.getKey(), entry.getValue(), now);
            return true;
        });
    }

    /** Logs what every burst counted so far, as the server stops. */
    public synchronized void flush() {
        long now = clock.getAsLong();
        bursts.forEach((who, burst) -> count(who, burst, now));
        bursts.clear();
    }

    private void count(String who, Burst burst, long now) {
        if (burst.more > 0) {
            long seconds = Math.max(1, Math.round((now - burst.start) / 1e9));
            log.accept(burst.more + " more " + what + " " + who + " in the last " + seconds + " s");
        }
    }
}
