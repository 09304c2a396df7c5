package uds.support.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Many honest clients at once, for the tests that a server's connection cap, set high enough,
 * lets them all in: every client connects before any of them speaks, so the server holds them
 * all at the same moment, then each makes its exchange on a thread of its own.
 */
public final class ConcurrentClients {

    /** Opens client number i. */
    @FunctionalInterface
    public interface Connect<C> {
        C open(int i) throws Exception;
    }

    /** Client number i's exchange with the server; true when the answer was the right one. */
    @FunctionalInterface
    public interface Exchange<C> {
        boolean run(C client, int i) throws Exception;
    }

    /** How many of n clients got the right answer. */
    public static <C extends AutoCloseable> int answered(int n, Connect<C> connect, Exchange<C> exchange)
            throws Exception {
        List<C> open = new ArrayList<>();
        try {
            for (int i = 0; i < n; i++) {
                open.add(connect.open(i));
            }
            AtomicInteger answered = new AtomicInteger();
            List<Thread> talking = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                C client = open.get(i);
                int number = i;
                talking.add(Thread.ofPlatform().start(() -> {
                    try {
                        if (exchange.run(client, number)) {
                            answered.incrementAndGet();
                        }
                    } catch (Exception e) {
                        // not answered: the count says so
                    }
                }));
            }
            for (Thread thread : talking) {
                thread.join();
            }
            return answered.get();
        } finally {
            for (C client : open) {
                client.close();
            }
        }
    }

    private ConcurrentClients() {
    }
}
