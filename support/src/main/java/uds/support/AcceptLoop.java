package uds.support;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The accept loop of every server here, built for a hostile local user: at most a fixed
 * number of connections at a time, each on a thread of its own, and of those at most a share
 * per user; an accept that fails backs off and tries again instead of ending the server;
 * trouble is logged once per burst, so a peer cannot flood the log either.
 *
 * <p>Every accepted connection holds a descriptor, a thread and buffers until it closes, and
 * any local user may open connections as fast as the kernel lets them: without a cap, they
 * decide how much of the server's memory and descriptors are left for everyone else. With the
 * cap alone, one user can hold every slot and lock all others out; so the loop asks the kernel
 * who connected (SO_PEERCRED, lesson 03) before the connection takes a slot, and a user over
 * their share is refused at once, without a thread, without a slot.
 *
 * <p>It stops in order: once the server is closing, it accepts no more, closes the connections
 * still being served (so that a handler blocked on its peer returns), and waits for their
 * handlers to end before {@link #run} returns. Whatever the server holds (a lock, a file) is
 * released after that, never under a handler still at work.
 */
public final class AcceptLoop<C extends AutoCloseable> {

    /** What --max-connections defaults to. */
    public static final int DEFAULT_MAX_CONNECTIONS = 256;

    private static final long FIRST_PAUSE_MILLIS = 10;
    private static final long LONGEST_PAUSE_MILLIS = 1000;

    /** How long a stop waits for the handlers it has told to end. */
    public static final Duration HANDLERS_GRACE = Duration.ofSeconds(10);

    /** The server socket's accept. */
    @FunctionalInterface
    public interface Acceptor<C> {
        C accept() throws IOException;
    }

    /** Serves one connection, on its own thread; the loop closes it afterwards. */
    @FunctionalInterface
    public interface Handler<C> {
        void handle(C connection, int id) throws Exception;
    }

    /** Who connected: the peer's uid as the kernel recorded it at connect (SO_PEERCRED). */
    @FunctionalInterface
    public interface PeerUid<C> {
        long of(C connection) throws IOException;
    }

    /** Tells a connection over the cap why it is closed, where the protocol has a way to. */
    @FunctionalInterface
    public interface Refusal<C> {
        void refuse(C connection) throws IOException;
    }

    private final Acceptor<C> acceptor;
    private final int maxConnections;
    private final Semaphore slots;
    private final Thread.Builder threads;
    private final BooleanSupplier closing;
    private final Consumer<String> log;
    private final ThrottledLog refusals;
    private final AtomicInteger ids = new AtomicInteger();
    private final Set<C> serving = ConcurrentHashMap.newKeySet();
    private Refusal<C> refusal = connection -> { };
    private UserShares shares;
    private PeerUid<C> peerUid;

    /**
     * @param threads  makes each connection's thread: {@code Thread.ofVirtual()} where the
     *                 socket parks a virtual thread properly, platform threads where a native
     *                 call would block its carrier
     * @param closing  true once the server is being closed: an accept error is then the end
     */
    public AcceptLoop(Acceptor<C> acceptor, int maxConnections, Thread.Builder threads, BooleanSupplier closing,
                      Consumer<String> log) {
        if (maxConnections < 1) {
            throw new IllegalArgumentException("maxConnections must be at least 1, not " + maxConnections);
        }
        this.acceptor = acceptor;
        this.maxConnections = maxConnections;
        this.slots = new Semaphore(maxConnections);
        this.threads = threads;
        this.closing = closing;
        this.log = log;
        this.refusals = new ThrottledLog(log, "refusals", 1);
    }

    /** At most maxPerUser connections per uid; over that, refused at once like a full house. */
    public AcceptLoop<C> perUser(int maxPerUser, PeerUid<C> peerUid) {
        this.shares = new UserShares(maxPerUser);
        this.peerUid = peerUid;
        return this;
    }

    public AcceptLoop<C> refuseWith(Refusal<C> refusal) {
        this.refusal = refusal;
        return this;
    }

    /** Connections being served now. */
    public int open() {
        return maxConnections - slots.availablePermits();
    }

    // tag::loop[]
    /** Accepts until the server closes; returns only then, once every handler has ended. */
    public void run(Handler<C> handler) throws InterruptedException {
        long pause = 0; // > 0 while accept fails: how long to wait before the next try
        int failed = 0;
        while (true) {
            C connection;
            try {
                connection = acceptor.accept();
            } catch (IOException e) {
                if (closing.getAsBoolean()) {
                    finishHandlers();
                    refusals.flush();
                    return;
                }
                // EMFILE, ENFILE, ENOMEM, ECONNABORTED: the next accept may well work, and
                // EMFILE often means peers hold our descriptors. Retrying at once would spin.
                if (failed++ == 0) {
                    log.accept("accept failed: " + describe(e) + "; backing off and retrying (" + open() + " connections open)");
                }
                pause = pause == 0 ? FIRST_PAUSE_MILLIS : Math.min(pause * 2, LONGEST_PAUSE_MILLIS);
                Thread.sleep(pause);
                continue;
            }
            if (failed > 0) {
                log.accept("accept works again after " + failed + " failed attempts");
                failed = 0;
                pause = 0;
            }
            Long uid = takeShare(connection); // before a slot: a user over their share never gets one
            if (uid == null) {
                continue;
            }
            if (!slots.tryAcquire()) {
                giveShare(uid);
                refusals.log("while full", () -> "refusing connections: all " + maxConnections
                        + " in use (--max-connections)");
                refuse(connection);
                continue;
            }
            int id = ids.incrementAndGet();
            serving.add(connection);
            try {
                threads.start(() -> serve(handler, connection, id, uid));
            } catch (RuntimeException | OutOfMemoryError e) { // no thread to be had: like a full house
                serving.remove(connection);
                slots.release();
                giveShare(uid);
                log.accept("connection " + id + " refused: no thread for it (" + e + ")");
                refuse(connection);
            }
        }
    }

    /**
     * The peer's uid, with one of its share taken (-1 where there are no shares); null if the
     * connection was refused: the user holds their whole share, or the kernel could not say.
     */
    private Long takeShare(C connection) {
        if (shares == null) {
            return -1L;
        }
        long uid;
        try {
            uid = peerUid.of(connection);
        } catch (IOException e) { // the peer may be gone already; its connection goes with it
            refusals.log("without credentials", () -> "connection refused: no credentials: " + describe(e));
            refuse(connection);
            return null;
        }
        if (!shares.take(uid)) {
            String who = UserDatabase.userLabel(uid);
            refusals.log("from uid " + who, () -> "refusing uid " + who + ": it holds all "
                    + shares.maxPerUser() + " of its connections (--max-per-user)");
            refuse(connection);
            return null;
        }
        return uid;
    }
    // end::loop[]

    private void giveShare(long uid) {
        if (shares != null) {
            shares.give(uid);
        }
    }

    private void serve(Handler<C> handler, C connection, int id, long uid) {
        try (connection) {
            handler.handle(connection, id);
        } catch (IOException e) { // the peer's doing, or the socket's: one line says which
            if (!closing.getAsBoolean()) {
                log.accept("connection " + id + " failed: " + describe(e));
            }
        } catch (Exception e) { // a bug of ours: its type and where it happened
            log.accept("connection " + id + " failed: unexpected " + stackTrace(e));
        } finally {
            serving.remove(connection);
            slots.release();
            giveShare(uid);
        }
    }

    /** {@code SocketTimeoutException: Read timed out}: the type says what the text may not. */
    static String describe(Throwable e) {
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + Printable.line(e.getMessage()));
    }

    private static String stackTrace(Throwable e) {
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        return trace.toString().strip();
    }

    /** Closes the connections still being served and waits, a bounded time, for their handlers. */
    private void finishHandlers() throws InterruptedException {
        for (C connection : serving) {
            try {
                connection.close(); // a handler blocked on its peer returns with an exception
            } catch (Exception e) {
                // closed already, or failing to: the handler's own close follows anyway
            }
        }
        if (!slots.tryAcquire(maxConnections, HANDLERS_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
            log.accept("stopped with " + open() + " connections still ending");
            return;
        }
        slots.release(maxConnections);
    }

    private void refuse(C connection) {
        try (connection) {
            refusal.refuse(connection);
        } catch (Exception e) {
            // it is going anyway; a peer that does not read its refusal loses nothing of ours
        }
    }
}
