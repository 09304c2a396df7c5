package uds.exercises.datagram;

import static uds.support.SocketConstants.MSG_DONTWAIT;

import java.lang.foreign.MemorySegment;
import java.util.List;

import uds.support.ErrnoException;
import uds.support.SocketMessages;

/** Exercise 08.2, solved: MSG_DONTWAIT turns "wait for room" into EAGAIN, and EAGAIN into false. */
final class NonBlockingAnswer {

    static boolean offer(int fd, MemorySegment address, byte[] text) throws ErrnoException {
        try {
            SocketMessages.send(fd, address, text, List.of(), MSG_DONTWAIT);
            return true;
        } catch (ErrnoException e) {
            if (e.errno() != ErrnoException.EAGAIN) {
                throw e;
            }
            return false;
        }
    }

    private NonBlockingAnswer() {
    }
}
