package uds.exercises.datagram;

import java.lang.foreign.MemorySegment;
import java.util.List;

import uds.support.ErrnoException;
import uds.support.SocketMessages;

/**
 * Exercise 08.2: how the log service answers a sender, never waiting for it. (Walkthrough 08,
 * step 2. Checked by NonBlockingAnswerTest.) {@code SocketMessages.send} makes the sendmsg(2)
 * call through FFM; its last argument is sendmsg's flags.
 */
final class NonBlockingAnswer {

    /** Sends text as one datagram from socket fd to address; false, at once, if the receiver has no room. */
    static boolean offer(int fd, MemorySegment address, byte[] text) throws ErrnoException {
        // TODO: a receiver that never reads must not hold this thread
        SocketMessages.send(fd, address, text, List.of(), 0);
        return true;
    }

    private NonBlockingAnswer() {
    }
}
