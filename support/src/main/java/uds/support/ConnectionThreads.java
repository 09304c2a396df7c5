package uds.support;

/**
 * The threads connections are served on. Platform threads, not virtual ones, measured on
 * junixsocket 2.10.1: on a virtual thread its reads go through a "naive" poller that wakes
 * late from a timed read and takes an empty SOCK_SEQPACKET datagram for "nothing yet", and
 * the raw FFM calls of lesson 05 would block their carrier thread outright. A platform thread
 * blocked in read() costs a stack; the connection cap keeps the number of stacks bounded.
 */
public final class ConnectionThreads {

    /** Small stacks: a connection's handler reads, writes and logs, nothing deep. */
    private static final long STACK_BYTES = 256 * 1024;

    public static Thread.Builder platform() {
        return Thread.ofPlatform().daemon().stackSize(STACK_BYTES).name("connection-", 1);
    }

    private ConnectionThreads() {
    }
}
